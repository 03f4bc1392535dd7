/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.autoconfigure.viewer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.blobupload.BlobLinks;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationChecksRegistrar;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.github.blobupload.viewer.BlobViewerServlet;
import io.github.blobupload.viewer.RedirectDelivery;
import io.github.blobupload.viewer.StoreTraceIndex;
import io.github.blobupload.viewer.TraceIndex;
import io.github.blobupload.viewer.TraceIndexWriter;
import io.github.blobupload.viewer.ViewerAccess;
import io.github.blobupload.viewer.ViewerAuditLog;
import io.github.blobupload.viewer.ViewerDestinations;
import io.github.blobupload.viewer.ViewerLinks;
import io.github.blobupload.viewer.ViewerReadListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpServlet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

import static io.github.blobupload.autoconfigure.BuilderArguments.invalid;

/**
 * Auto-configuration of the media viewer, modelled on Spring Boot's H2 console: with
 * {@code blob.upload.viewer.enabled=true} in a servlet web application, a servlet at
 * {@code blob.upload.viewer.path} (default {@code /blob-viewer}) serves the stored blobs
 * through each destination's reader, a page per blob and a page per trace. Who it answers
 * is decided at startup from the connection and the authenticated user only, never from a
 * header (see {@link ViewerAccessRule}).
 * <p>
 * A {@link BlobLinks} bean is always defined: the viewer links when the viewer is on and
 * {@code blob.upload.viewer.base-url} is set, else {@link BlobLinks#IDENTITY}. With the
 * viewer on, in any application (one without a web server too, such as a worker whose
 * media another instance shows), the trace index is written next to the blobs unless
 * {@code blob.upload.viewer.index.enabled=false}.
 */
@AutoConfiguration(after = BlobUploadAutoConfiguration.class)
@EnableConfigurationProperties(BlobUploadViewerProperties.class)
@Import(ConfigurationChecksRegistrar.class)
public final class BlobUploadViewerAutoConfiguration {

	private static final String PREFIX = "blob.upload.viewer.";

	private static final String AUDIT_EVENT_REPOSITORY = "org.springframework.boot.actuate.audit.AuditEventRepository";

	private static final Logger logger = LoggerFactory.getLogger(BlobUploadViewerAutoConfiguration.class);

	/**
	 * How long browsers may keep raw bytes with erasure on, instead of a year: an erased
	 * object is shown from a browser's cache for at most this long, then answers 404.
	 */
	static final Duration ERASURE_CACHE_LIFETIME = Duration.ofMinutes(5);

	@Bean
	static ConfigurationCheck blobUploadViewerConfigurationCheck() {
		return new ViewerConfigurationCheck();
	}

	// The base URL was checked before any bean was created (ViewerConfigurationCheck).
	@Bean
	@ConditionalOnMissingBean
	BlobLinks blobLinks(BlobUploadViewerProperties viewer, ObjectProvider<BlobUploaderRegistry> registry) {
		String baseUrl = viewer.getBaseUrl();
		BlobUploaderRegistry destinations = registry.getIfAvailable();
		if (!viewer.isEnabled() || baseUrl == null || baseUrl.isBlank() || destinations == null) {
			return BlobLinks.IDENTITY;
		}
		return new ViewerLinks(ViewerDestinations.of(destinations.destinations()), baseUrl);
	}

	/**
	 * The trace index: written next to the blobs of each readable destination, and read
	 * by the trace pages of this instance or any other sharing the storage.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(PREFIX + "enabled")
	@ConditionalOnBooleanProperty(name = PREFIX + "index.enabled", matchIfMissing = true)
	static class TraceIndexConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceIndexWriter blobTraceIndexWriter(Environment environment) {
			// Each entry names the application that wrote it, its origin on the trace
			// page.
			return new TraceIndexWriter(
					(name, entryUploader, maxQueuedEntries, maxEntryBytes) -> AsyncBlobUploader.builder(entryUploader)
						.name(name)
						.workers(1)
						.maxQueueSize(maxQueuedEntries)
						.maxBlobBytes(maxEntryBytes)
						.maxQueueBytes((long) maxQueuedEntries * maxEntryBytes)
						.build(),
					Clock.systemUTC(), environment.getProperty("spring.application.name"));
		}

		/** Gives the writer each destination's provider uploader, unchanged. */
		@Bean
		SimpleBlobUploaderDecorator blobTraceIndexDestinations(TraceIndexWriter blobTraceIndexWriter) {
			return (useCase, uriPrefix, uploader) -> {
				blobTraceIndexWriter.addDestination(useCase, uploader);
				return uploader;
			};
		}

		@Bean
		@ConditionalOnMissingBean(TraceIndex.class)
		@ConditionalOnBean(BlobUploaderRegistry.class)
		StoreTraceIndex blobTraceIndex(BlobUploaderRegistry registry, BlobUploadViewerProperties viewer) {
			try {
				return new StoreTraceIndex(registry, viewer.getIndex().getCacheSize());
			}
			catch (IllegalArgumentException ex) {
				throw invalid(PREFIX + "index.cache-size", viewer.getIndex().getCacheSize(), ex);
			}
		}

		/** Lists media that Spring AI calls send again on their traces' pages too. */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(
				name = { "io.github.blobupload.ai.BlobOffloadListener", "org.springframework.ai.content.Media" })
		static class ReusedMediaConfiguration {

			@Bean
			BlobOffloadListener blobReusedMediaIndexer(TraceIndexWriter blobTraceIndexWriter) {
				return new ReusedMediaIndexer(blobTraceIndexWriter);
			}

		}

	}

	/**
	 * Says at startup that a reactive application serves no viewer: the viewer is a
	 * servlet. The trace index is still written and the links still recorded, for a
	 * servlet application sharing the storage to show.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnBooleanProperty(PREFIX + "enabled")
	static class ReactiveApplicationConfiguration {

		ReactiveApplicationConfiguration() {
			logger.info("blob.upload.viewer.enabled=true in a reactive (WebFlux) application: the blob viewer is a "
					+ "servlet and is not served here. The trace index is still written (and links recorded, with "
					+ "record-links), for a servlet application sharing the storage to serve.");
		}

	}

	/** The viewer's servlet, in servlet web applications. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ HttpServlet.class, ServletRegistrationBean.class })
	@ConditionalOnBooleanProperty(PREFIX + "enabled")
	@ConditionalOnBean(BlobUploaderRegistry.class)
	static class ServletViewerConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "blobViewerServlet")
		ServletRegistrationBean<BlobViewerServlet> blobViewerServlet(BlobUploadViewerProperties viewer,
				BlobUploaderRegistry registry, ObjectProvider<TraceIndex> traceIndex, ResourceLoader resourceLoader,
				Environment environment, ObjectProvider<ViewerReadListener> readListeners) {
			String mapping;
			try {
				mapping = BlobViewerServlet.urlMapping(viewer.getPath());
			}
			catch (IllegalArgumentException ex) {
				throw invalid(PREFIX + "path", viewer.getPath(), ex);
			}
			String path = mapping.substring(0, mapping.length() - 2);
			boolean security = ClassUtils.isPresent(ViewerAccessRule.SPRING_SECURITY, resourceLoader.getClassLoader());
			ViewerAccess access = ViewerAccessRule.decide(viewer.isAllowRemote(), security, environment, path);
			TraceIndex index = viewer.getIndex().isEnabled() ? traceIndex.getIfAvailable() : null;
			ViewerDestinations destinations = ViewerDestinations.of(registry.destinations());
			logger.info("The blob viewer serves stored blobs at {} ({}); use cases it can read: {}.", path,
					access.description(),
					destinations.useCases().isEmpty() ? "none" : String.join(", ", destinations.useCases()));
			BlobViewerServlet servlet;
			try {
				// With erasure on (its own auto-configuration, read here by name only),
				// erased bytes must not stay in browsers' caches for a year.
				boolean erasure = environment.getProperty("blob.upload.erasure.enabled", Boolean.class, false);
				servlet = new BlobViewerServlet(destinations, index, access,
						ViewerReadListener.of(readListeners.orderedStream().toList()), viewer.getMaxConcurrentReads(),
						redirectDelivery(viewer, destinations), erasure ? ERASURE_CACHE_LIFETIME : null);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(PREFIX + "max-concurrent-reads", viewer.getMaxConcurrentReads(), ex);
			}
			ServletRegistrationBean<BlobViewerServlet> registration = new ServletRegistrationBean<>(servlet, mapping);
			registration.setName("blobViewer");
			return registration;
		}

		private static @Nullable RedirectDelivery redirectDelivery(BlobUploadViewerProperties viewer,
				ViewerDestinations destinations) {
			if (viewer.getDelivery() != BlobUploadViewerProperties.Delivery.REDIRECT) {
				return null;
			}
			RedirectDelivery redirect;
			try {
				redirect = new RedirectDelivery(viewer.getRedirectExpiry());
			}
			catch (IllegalArgumentException ex) {
				throw invalid(PREFIX + "redirect-expiry", viewer.getRedirectExpiry(), ex);
			}
			List<String> streamed = destinations.useCasesWithoutUrlSigner();
			if (!streamed.isEmpty()) {
				logger.warn("The blob viewer streams the bytes of use cases {} although {}delivery=redirect: their "
						+ "store cannot sign URLs (such as file:).", String.join(", ", streamed), PREFIX);
			}
			return redirect;
		}

		/** Puts each read on record on the {@value ViewerAuditLog#LOGGER} logger. */
		@Bean
		@ConditionalOnMissingBean
		ViewerAuditLog blobViewerAuditLog() {
			return new ViewerAuditLog();
		}

		/**
		 * Publishes each read as an audit event when the application keeps them (Spring
		 * Boot's auditing: an {@code AuditEventRepository} bean).
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = AUDIT_EVENT_REPOSITORY)
		@ConditionalOnBean(type = AUDIT_EVENT_REPOSITORY)
		static class AuditEventsConfiguration {

			@Bean
			ViewerReadListener blobViewerAuditEvents(ApplicationEventPublisher publisher) {
				return new ViewerAuditEvents(publisher);
			}

		}

		/** The viewer's meters, when Micrometer is on the class path. */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		static class MetricsConfiguration {

			@Bean
			MeterBinder blobViewerMetrics(
					ObjectProvider<ServletRegistrationBean<BlobViewerServlet>> blobViewerServlet) {
				return new ViewerMetrics(() -> {
					ServletRegistrationBean<BlobViewerServlet> registration = blobViewerServlet.getIfUnique();
					return (registration != null) ? registration.getServlet().stats() : null;
				});
			}

		}

	}

}
