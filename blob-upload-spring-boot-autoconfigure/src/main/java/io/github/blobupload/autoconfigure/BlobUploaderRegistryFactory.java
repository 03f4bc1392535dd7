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

package io.github.blobupload.autoconfigure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.autoconfigure.ConfiguredUseCases.ConfiguredUseCase;
import io.github.blobupload.registry.UseCases;
import io.github.blobupload.retention.BlobRetention;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.blobupload.autoconfigure.BuilderArguments.format;

/**
 * Builds the {@link DefaultBlobUploaderRegistry} from {@link BlobUploadProperties}:
 * validates every setting (naming the property and the bad value), picks the provider for
 * each prefix by its scheme, applies the {@link SimpleBlobUploaderDecorator}s to each
 * provider's uploader, and starts one upload engine per destination.
 * <p>
 * What can be checked without a bean (the engine's settings, the use-case names, the
 * scheme of each prefix) is checked by {@link #check} before the context creates any
 * bean; what needs the storage providers (a scheme no provider serves, a bucket name the
 * provider refuses) is checked when the registry is created, every prefix before the
 * first failure is reported.
 */
final class BlobUploaderRegistryFactory {

	private static final Logger logger = LoggerFactory.getLogger(BlobUploaderRegistryFactory.class);

	private static final String PREFIX = "blob.upload.";

	/** Storage for the builder that only validates the settings; never uploaded to. */
	private static final SimpleBlobUploader NO_STORAGE = new SimpleBlobUploader() {

		@Override
		public String generateDestinationUri(Blob blob) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void uploadSync(String uri, Blob blob) {
			throw new UnsupportedOperationException();
		}

	};

	private final BlobUploadProperties properties;

	private final ConfigurationReport report;

	private final Map<String, BlobStorageProvider> providers;

	private final BlobNamingStrategy naming;

	private final BlobUploadListener listener;

	private final List<SimpleBlobUploaderDecorator> decorators;

	private final @Nullable BlobRetention retention;

	private final @Nullable Duration recentUploadsLifetime;

	private @Nullable CallerBlobLabels callerLabels;

	BlobUploaderRegistryFactory(BlobUploadProperties properties, ConfigurationReport report,
			List<BlobStorageProvider> providers, BlobNamingStrategy naming, BlobUploadListener listener,
			List<SimpleBlobUploaderDecorator> decorators, @Nullable BlobRetention retention,
			@Nullable Duration recentUploadsLifetime) {
		this.properties = properties;
		this.report = report;
		this.providers = new TreeMap<>();
		for (BlobStorageProvider provider : providers) {
			this.providers.putIfAbsent(provider.scheme(), provider);
		}
		// A producer may ask for an object name (BlobLabels.OBJECT_NAME), as the GenAI
		// reference files do; every other blob is named by the configured strategy.
		this.naming = BlobNamingStrategies.requestedNameOr(naming);
		this.listener = listener;
		this.decorators = List.copyOf(decorators);
		this.retention = retention;
		this.recentUploadsLifetime = recentUploadsLifetime;
	}

	/**
	 * Sets the labels every engine adds on the caller's thread.
	 * @param callerLabels the labels, or {@code null} for none
	 * @return this factory
	 */
	BlobUploaderRegistryFactory callerLabels(@Nullable CallerBlobLabels callerLabels) {
		this.callerLabels = callerLabels;
		return this;
	}

	/**
	 * Checks what can be checked without any bean: each engine setting and the settings
	 * against each other (even when uploading is off, so that a mistake shows at once
	 * rather than when uploading is switched on), and, when uploading is on, the use-case
	 * names, the spellings of each use case and the scheme of each prefix.
	 * @param properties the bound properties
	 * @param report where each problem goes
	 */
	static void check(BlobUploadProperties properties, ConfigurationReport report) {
		EngineBuilderSettings.configure(properties, AsyncBlobUploader.builder(NO_STORAGE), report);
		checkRetention(PREFIX + "retention", properties.getRetention(), report);
		report.set(PREFIX + "retention-sweep-interval", properties.getRetentionSweepInterval(),
				(interval) -> new BlobRetention(Clock.systemUTC(), interval));
		if (!properties.isEnabled()) {
			return;
		}
		checkPrefix(PREFIX + "uri-prefix", properties.getUriPrefix(), report);
		for (ConfiguredUseCase useCase : ConfiguredUseCases.of(properties.getUseCases(), report)) {
			if (useCase.enabled() && useCase.uriPrefix() != null) {
				checkPrefix(useCase.uriPrefixProperty(), useCase.uriPrefix(), report);
			}
			checkRetention(useCase.retentionProperty(), useCase.retention(), report);
		}
	}

	/** Checks a retention, when one is set, by the rule of {@link BlobRetention}. */
	private static void checkRetention(String property, @Nullable Duration retention, ConfigurationReport report) {
		if (retention != null) {
			report.set(property, retention, BlobRetention::checkRetention);
		}
	}

	/**
	 * Checks what a prefix must be whatever its provider: free of credentials (refused
	 * before any provider sees it, so that no message can repeat it) and with a scheme.
	 * @return whether the prefix passed
	 */
	private static boolean checkPrefix(String property, String prefix, ConfigurationReport report) {
		if (!BlobDestination.withoutCredentials(prefix).equals(prefix)) {
			report.invalid(property, prefix,
					"A URI prefix must not hold credentials (user information or a query string such as a SAS "
							+ "token): each provider takes its credentials from its standard chain or from the "
							+ "application's own client bean.");
			return false;
		}
		if (BlobStorageProvider.schemeOf(prefix) == null) {
			report.invalid(property, prefix,
					"A URI prefix must start with a scheme that selects the storage, such as file:///var/lib/app/blobs, "
							+ "s3://bucket/prefix, gs://bucket/prefix or azblob://account/container/prefix.");
			return false;
		}
		return true;
	}

	/**
	 * Builds the registry.
	 * @param knownUseCases the use cases the integrations on the class path upload under
	 * @return the registry, its uploaders started
	 * @throws InvalidBlobUploadConfigurationException listing every invalid setting
	 */
	DefaultBlobUploaderRegistry create(List<KnownUseCases> knownUseCases) {
		EngineBuilderSettings.configure(this.properties, AsyncBlobUploader.builder(NO_STORAGE), this.report);
		this.report.throwIfInvalid();
		DefaultBlobUploaderRegistry.Builder registry = DefaultBlobUploaderRegistry.builder()
			.shutdownTimeout(this.properties.getShutdownTimeout());
		if (!this.properties.isEnabled()) {
			String ignoredPrefix = this.properties.isUriPrefixSet() ? " blob.upload.uri-prefix is set ("
					+ BlobDestination.withoutCredentials(this.properties.getUriPrefix())
					+ ") but is not used while uploading is off." : "";
			logger.info(
					"Blob upload is off: nothing is uploaded and every uploader returns {}.{} Set "
							+ "blob.upload.enabled=true (BLOB_UPLOAD_ENABLED=true) to upload.",
					BlobUploader.NOT_UPLOADED, ignoredPrefix);
			return registry.defaultUploader(BlobUploaders.disabled()).build();
		}
		String defaultPrefix = defaultPrefix();
		Map<String, String> destinations = new LinkedHashMap<>();
		Map<String, @Nullable SimpleBlobUploader> simpleUploaders = new LinkedHashMap<>();
		simpleUploaders.put(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE,
				createUploader(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE, PREFIX + "uri-prefix", defaultPrefix,
						this.properties.getRetention()));
		destinations.put(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE, defaultPrefix);
		for (ConfiguredUseCase useCase : ConfiguredUseCases.of(this.properties.getUseCases(), this.report)) {
			String name = canonical(useCase.name(), useCase.property(), knownUseCases);
			if (!useCase.enabled()) {
				simpleUploaders.put(name, null);
				destinations.put(name, "disabled");
				continue;
			}
			String prefix = (useCase.uriPrefix() != null) ? useCase.uriPrefix()
					: stripTrailingSlash(defaultPrefix) + "/" + name;
			Duration retention = (useCase.retention() != null) ? useCase.retention() : this.properties.getRetention();
			simpleUploaders.put(name, createUploader(name, useCase.uriPrefixProperty(), prefix, retention));
			destinations.put(name, prefix);
		}
		for (KnownUseCases useCases : knownUseCases) {
			for (KnownUseCases.Destination destination : useCases.destinations()) {
				String name = UseCases.normalize(destination.useCase());
				if (simpleUploaders.keySet()
					.stream()
					.noneMatch((other) -> UseCases.compact(other).equals(UseCases.compact(name)))) {
					simpleUploaders.put(name, createUploader(name, destination.property(), destination.uriPrefix(),
							this.properties.getRetention()));
					destinations.put(name, destination.uriPrefix());
				}
			}
		}
		this.report.throwIfInvalid();
		destinations.forEach(registry::destination);
		simpleUploaders.forEach((name, simple) -> {
			if (name.equals(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE)) {
				registry.defaultUploader(createEngine(name, simple));
			}
			else {
				registry.useCase(name, (simple != null) ? createEngine(name, simple) : BlobUploaders.disabled());
			}
		});
		logger.warn(
				"Blob upload is enabled: content given to blob uploaders (prompt and response images, documents, "
						+ "audio) is copied to {}. Make sure that storage is access-controlled.",
				destinations.entrySet()
					.stream()
					.map((destination) -> destination.getKey() + " -> " + destination.getValue())
					.collect(Collectors.joining(", ")));
		if (this.properties.getSpool().isEnabled()) {
			logger.info(
					"The spool is on: blobs waiting for upload are kept in {} (a folder per use case), up to {} "
							+ "per use case, and uploaded after a restart.",
					EngineBuilderSettings.spoolDirectory(this.properties).toAbsolutePath(),
					format(this.properties.getSpool().getMaxBytes()));
		}
		if (this.retention != null) {
			this.retention.start();
			logRetention(simpleUploaders.keySet());
		}
		return registry.build();
	}

	private void logRetention(Iterable<String> useCases) {
		BlobRetention retention = this.retention;
		if (retention == null) {
			return;
		}
		List<String> retained = new ArrayList<>();
		for (String useCase : useCases) {
			retention.retentionOf(useCase).ifPresent((days) -> retained.add(useCase + " " + days.toDays() + "d"));
		}
		if (!retained.isEmpty()) {
			logger.info(
					"Retention: {}. Objects in S3, Azure and Google Cloud Storage are marked for the bucket's "
							+ "lifecycle rules (see docs/erasure-and-retention.md); file: prefixes are swept{}.",
					String.join(", ", retained), retention.sweeps()
							? " every " + this.properties.getRetentionSweepInterval() : " (none configured)");
		}
	}

	/**
	 * Returns the known use case a configured name stands for, in its folder form, so
	 * that every spelling of it writes to one folder; warns when the name matches no
	 * known use case (a typo routes nothing).
	 */
	private static String canonical(String name, String property, List<KnownUseCases> knownUseCases) {
		if (knownUseCases.isEmpty()) {
			return name;
		}
		List<String> known = new ArrayList<>();
		for (KnownUseCases useCases : knownUseCases) {
			for (String useCase : useCases.names()) {
				if (UseCases.compact(useCase).equals(UseCases.compact(name))) {
					return UseCases.normalize(useCase);
				}
				known.add(useCase + " (" + useCases.integration() + ")");
			}
		}
		logger.warn(
				"{} names the use case '{}', which no integration uploads under: only code that asks the registry "
						+ "for '{}' itself will use it. Known use cases: {}. Check the spelling.",
				property, name, name, String.join(", ", known));
		return name;
	}

	private String defaultPrefix() {
		String prefix = this.properties.getUriPrefix();
		if (!this.properties.isUriPrefixSet()) {
			logger.warn("blob.upload.uri-prefix is not set: blobs are written to the folder {}. Set "
					+ "blob.upload.uri-prefix (or BLOB_UPLOAD_URI_PREFIX) to a file:, s3://, gs:// or azblob:// prefix.",
					Path.of(prefix.substring(prefix.indexOf(':') + 1)).toAbsolutePath());
		}
		return prefix;
	}

	/**
	 * Creates a prefix's uploader, or adds the problem to the report and returns
	 * {@code null}.
	 */
	private @Nullable SimpleBlobUploader createUploader(String useCase, String property, String prefix,
			@Nullable Duration retention) {
		if (!checkPrefix(property, prefix, this.report)) {
			return null;
		}
		String scheme = BlobStorageProvider.schemeOf(prefix);
		if (scheme == null) {
			return null;
		}
		BlobStorageProvider provider = this.providers.get(scheme);
		if (provider == null) {
			String dependency = WellKnownSchemes.dependencyFor(scheme);
			String shapeProblem = WellKnownSchemes.shapeProblem(prefix);
			if (shapeProblem != null) {
				// Said before the missing dependency, so that one restart fixes both.
				this.report.invalid(property, prefix,
						shapeProblem + ". To use " + scheme + ": also add " + dependency + ".");
				return null;
			}
			this.report.invalid(property, prefix,
					"No storage provider serves the scheme '" + scheme + ":'. Schemes available: "
							+ this.providers.keySet().stream().map((s) -> s + ":").collect(Collectors.joining(", "))
							+ "." + ((dependency != null) ? " To use " + scheme + ": add " + dependency + "."
									: " Declare a BlobStorageProvider bean for it."));
			return null;
		}
		SimpleBlobUploader uploader;
		try {
			uploader = provider.createUploader(prefix, this.naming);
		}
		catch (IllegalArgumentException ex) {
			this.report.invalid(property, prefix, String.valueOf(ex.getMessage()));
			return null;
		}
		if (this.retention != null) {
			this.retention.register(useCase, uploader, retention);
			uploader = this.retention.labelled(useCase, uploader);
		}
		for (SimpleBlobUploaderDecorator decorator : this.decorators) {
			uploader = decorator.decorate(useCase, prefix, uploader);
		}
		return uploader;
	}

	private AsyncBlobUploader createEngine(String name, SimpleBlobUploader simple) {
		ConfigurationReport engineReport = ConfigurationReport.withoutEnvironment();
		AsyncBlobUploaderBuilder builder = EngineBuilderSettings
			.configure(this.properties, AsyncBlobUploader.builder(simple), engineReport)
			.listener((this.retention != null)
					? BlobUploadListener.composite(List.of(this.listener, this.retention.listener())) : this.listener)
			.recentUploadsLifetime(this.recentUploadsLifetime)
			.callerLabels(this.callerLabels)
			.name(name);
		engineReport.throwIfInvalid();
		if (this.properties.getSpool().isEnabled()) {
			// Each use case replays its own folder, with its own uploader.
			builder.spoolDirectory(EngineBuilderSettings.spoolDirectory(this.properties).resolve(name));
		}
		return builder.build();
	}

	private static String stripTrailingSlash(String prefix) {
		return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

}
