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
import java.util.Map;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a use case given in several spellings (a properties file's
 * {@code chat-input}, an environment variable's {@code CHATINPUT}) is one use case whose
 * settings follow Spring's property-source precedence, as every other property does.
 */
class UseCaseOverridesTests {

	@TempDir
	Path folder;

	@Test
	void theEnvironmentOverridesTheFile() {
		try (ConfigurableApplicationContext context = run(
				Map.of("BLOB_UPLOAD_USECASES_CHATINPUT_URIPREFIX", "file:" + this.folder + "/from-env"))) {
			assertThat(destinations(context)).containsEntry("chat-input", "file:" + this.folder + "/from-env")
				.doesNotContainKey("chatinput");
		}
	}

	@Test
	void theFileAloneRoutesTheUseCase() {
		try (ConfigurableApplicationContext context = run(Map.of())) {
			assertThat(destinations(context)).containsEntry("chat-input", "file:" + this.folder + "/from-file");
		}
	}

	@Test
	void eachSettingIsTakenFromWhereItIsSet() {
		// The file turns image-output off; the environment gives it a prefix only.
		try (ConfigurableApplicationContext context = run(
				Map.of("BLOB_UPLOAD_USECASES_IMAGEOUTPUT_URIPREFIX", "file:" + this.folder + "/images"))) {
			assertThat(destinations(context)).containsEntry("image-output", "disabled")
				.doesNotContainKey("imageoutput");
		}
		try (ConfigurableApplicationContext context = run(Map.of("BLOB_UPLOAD_USECASES_IMAGEOUTPUT_ENABLED", "true",
				"BLOB_UPLOAD_USECASES_IMAGEOUTPUT_URIPREFIX", "file:" + this.folder + "/images"))) {
			assertThat(destinations(context)).containsEntry("image-output", "file:" + this.folder + "/images");
		}
	}

	@Test
	void twoSpellingsWithDifferentValuesInOneSourceFail() {
		// Spring Boot itself takes chat-input and chatinput in one source for one name;
		// chat.input in brackets is another name that routes the same use case.
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file:" + this.folder,
					"blob.upload.use-cases.chat-input.uri-prefix=file:" + this.folder + "/a",
					"blob.upload.use-cases[chat.input].uri-prefix=file:" + this.folder + "/b")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(InvalidBlobUploadConfigurationException.class)
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property blob.upload.use-cases.")
				.hasMessageContaining("The use case 'chat-input' is given different values of uri-prefix")
				.hasMessageContaining("blob.upload.use-cases.chat-input.uri-prefix=file:" + this.folder + "/a")
				.hasMessageContaining("blob.upload.use-cases.chat.input.uri-prefix=file:" + this.folder + "/b")
				.hasMessageContaining("Keep one spelling."));
	}

	@Test
	void twoSpellingsWithTheSameValueInOneSourceAreOneUseCase() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file:" + this.folder,
					"blob.upload.use-cases.chat-input.uri-prefix=file:" + this.folder + "/a",
					"blob.upload.use-cases[chat.input].uri-prefix=file:" + this.folder + "/a")
			.run((context) -> assertThat(destinations(context))
				.containsEntry("chat-input", "file:" + this.folder + "/a")
				.hasSize(2));
	}

	/**
	 * Runs the application with {@code use-case-overrides/application.properties} and the
	 * given environment variables, in a source named as Spring Boot's own, from which it
	 * maps map keys.
	 */
	private ConfigurableApplicationContext run(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment);
		return application.run("--spring.config.location=classpath:use-case-overrides/application.properties",
				"--spring.main.banner-mode=off", "--test.folder=" + this.folder);
	}

	private static Map<String, String> destinations(org.springframework.context.ApplicationContext context) {
		Map<String, String> destinations = new java.util.LinkedHashMap<>();
		for (BlobDestination destination : context.getBean(BlobUploaderRegistry.class).destinations()) {
			destinations.put(destination.useCase(), destination.uriPrefix());
		}
		return destinations;
	}

	/** An application with the starter alone. */
	@SpringBootConfiguration
	@ImportAutoConfiguration(BlobUploadAutoConfiguration.class)
	static class Application {

	}

}
