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

package io.github.blobupload.autoconfigure.erasure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.CallerBlobLabels;
import io.github.blobupload.autoconfigure.InvalidBlobUploadConfigurationException;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceKeys;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.SampleContent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OwnerLabelConfiguration}: the owner of the caller, from Spring
 * Security's context, on every stored blob, and the checks of the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class OwnerLabelConfigurationTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

	private static final String OWNER = "alice@example.com";

	@TempDir
	Path folder;

	private final Set<Thread> resolvedOn = ConcurrentHashMap.newKeySet();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
		.withPropertyValues("blob.upload.enabled=true", "blob.upload.erasure.enabled=true");

	@Test
	void theCallersPrincipalIsStoredAsAKeyedHash(CapturedOutput output) {
		this.runner.withBean(BlobOwnerResolver.class, this::principalNames)
			.withPropertyValues("blob.upload.uri-prefix=file:" + this.folder, "blob.upload.erasure.secret=" + SECRET)
			.run((context) -> {
				String uri = uploadAs(context.getBean(BlobUploaderRegistry.class), OWNER);

				String expected = ReferenceKeys.keyed(SECRET).keyOf(OWNER);
				assertThat(context.getBean(OwnerLabels.class).labelValue(OWNER)).isEqualTo(expected);
				assertThat(sidecar(uri)).contains("\"owner\":\"" + expected + "\"").doesNotContain(OWNER);
				assertThat(this.resolvedOn).as("resolved on the caller's thread only")
					.containsExactly(Thread.currentThread());
				assertThat(output).contains("the owner of each blob")
					.contains("as a keyed hash (HMAC-SHA-256 under blob.upload.erasure.secret)")
					.doesNotContain(OWNER)
					.doesNotContain(SECRET);
			});
	}

	@Test
	void plainStorageKeepsTheOwnerAsGiven(CapturedOutput output) {
		this.runner.withBean(BlobOwnerResolver.class, this::principalNames)
			.withPropertyValues("blob.upload.uri-prefix=file:" + this.folder, "blob.upload.erasure.owner-storage=plain")
			.run((context) -> {
				String uri = uploadAs(context.getBean(BlobUploaderRegistry.class), OWNER);

				assertThat(sidecar(uri)).contains("\"owner\":\"" + OWNER + "\"");
				assertThat(output).contains("as given (blob.upload.erasure.owner-storage=plain)");
			});
	}

	@Test
	void aCallWithoutPrincipalHasNoOwner() {
		this.runner.withBean(BlobOwnerResolver.class, this::principalNames)
			.withPropertyValues("blob.upload.uri-prefix=file:" + this.folder, "blob.upload.erasure.secret=" + SECRET)
			.run((context) -> {
				String uri = uploadAs(context.getBean(BlobUploaderRegistry.class), null);

				assertThat(sidecar(uri)).doesNotContain("\"owner\"");
			});
	}

	@Test
	void noResolverNoOwnerLabelsAndNoSecretNeeded() {
		this.runner.withPropertyValues("blob.upload.uri-prefix=file:" + this.folder).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(CallerBlobLabels.class);
			String uri = uploadAs(context.getBean(BlobUploaderRegistry.class), OWNER);
			assertThat(sidecar(uri)).doesNotContain("\"owner\"");
		});
	}

	@Test
	void erasureOffNoOwnerLabels() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
			.withBean(BlobOwnerResolver.class, this::principalNames)
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file:" + this.folder)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CallerBlobLabels.class));
	}

	@Test
	void aResolverWithoutSecretFailsStartupNamingTheProperty() {
		this.runner.withBean(BlobOwnerResolver.class, this::principalNames)
			.withPropertyValues("blob.upload.uri-prefix=file:" + this.folder)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidBlobUploadConfigurationException.class)
				.hasMessageContaining("blob.upload.erasure.secret")
				.hasMessageContaining("(not set)")
				.hasMessageContaining("blob.upload.erasure.owner-storage=plain"));
	}

	@Test
	void aShortSecretFailsStartupWithoutShowingIt(CapturedOutput output) {
		String shortSecret = "short-secret-value-xyz";
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(InvalidBlobUploadConfigurationException.class)
			.isThrownBy(() -> application.run("--spring.main.banner-mode=off", "--blob.upload.enabled=true",
					"--blob.upload.uri-prefix=file:" + this.folder, "--blob.upload.erasure.enabled=true",
					"--blob.upload.erasure.secret=" + shortSecret))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("blob.upload.erasure.secret")
				.contains("at least 32 bytes (it has 22)")
				.doesNotContain(shortSecret));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: blob.upload.erasure.secret")
			.contains("Value: \"(hidden)\"")
			.doesNotContain(shortSecret);
	}

	/** The example of the docs: the name of Spring Security's principal. */
	private BlobOwnerResolver principalNames() {
		return () -> {
			this.resolvedOn.add(Thread.currentThread());
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication.getName() : null;
		};
	}

	private static String uploadAs(BlobUploaderRegistry registry, @Nullable String owner) {
		if (owner != null) {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner, "n/a",
						AuthorityUtils.createAuthorityList("ROLE_USER")));
		}
		try {
			String uri = registry.getBlobUploader(null).uploadAsync(new Blob(SampleContent.png(), null, null));
			assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
			return uri;
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String sidecar(String uri) throws Exception {
		Path file = Path.of(URI.create(uri));
		return Files.readString(file.resolveSibling(file.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX),
				StandardCharsets.UTF_8);
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ BlobUploadAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class })
	static class Application {

		@Bean
		BlobOwnerResolver ownerResolver() {
			return () -> null;
		}

	}

}
