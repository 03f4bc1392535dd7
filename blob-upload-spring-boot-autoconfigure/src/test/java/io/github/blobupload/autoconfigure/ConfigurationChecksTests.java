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
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.blobupload.autoconfigure.viewer.BlobUploadViewerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ConfigurationChecks}: every invalid value is reported in one startup
 * failure, before any bean is created, and a feature can add its own checks.
 */
class ConfigurationChecksTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadViewerAutoConfiguration.class));

	@Test
	void threeBadValuesFailStartupOnceNamingAllThree() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.worker.threads=0",
					"blob.upload.retry.max-backoff=100ms", "blob.upload.uri-prefix=/tmp/x")
			.run((context) -> {
				InvalidBlobUploadConfigurationException failure = failure(context);
				assertThat(failure.getProblems())
					.extracting(InvalidConfigurationPropertyValueException::getName,
							InvalidConfigurationPropertyValueException::getValue)
					.containsExactly(tuple("blob.upload.worker.threads", "0"),
							tuple("blob.upload.retry.max-backoff", "100ms"), tuple("blob.upload.uri-prefix", "/tmp/x"));
				assertThat(failure.getProblems()).extracting(InvalidConfigurationPropertyValueException::getReason)
					.containsExactly("It must be at least 1 but was 0.",
							"It must not be shorter than blob.upload.retry.initial-backoff (250ms).",
							"A URI prefix must start with a scheme that selects the storage, such as "
									+ "file:///var/lib/app/blobs, s3://bucket/prefix, gs://bucket/prefix or "
									+ "azblob://account/container/prefix.");
			});
	}

	@Test
	void theReportListsEachValueWithItsOriginAndReason() {
		MockEnvironment environment = new MockEnvironment().withProperty("blob.upload.enabled", "true")
			.withProperty("blob.upload.worker.threads", "0")
			.withProperty("blob.upload.retry.max-backoff", "100ms")
			.withProperty("blob.upload.uri-prefix", "/tmp/x");
		ConfigurationReport report = new ConfigurationReport(environment);
		new BlobUploadConfigurationCheck().check(report);
		FailureAnalysis analysis = new InvalidBlobUploadConfigurationFailureAnalyzer(environment)
			.analyze(new InvalidBlobUploadConfigurationException(report.problems()));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("3 configuration properties have values that cannot be used:")
			.contains("""
					    Property: blob.upload.worker.threads
					    Value: "0"
					    Origin: "blob.upload.worker.threads" from property source "mockProperties"
					    Reason: It must be at least 1 but was 0.
					""")
			.contains("    Property: blob.upload.retry.max-backoff\n    Value: \"100ms\"")
			.contains("    Property: blob.upload.uri-prefix\n    Value: \"/tmp/x\"");
		assertThat(analysis.getAction()).startsWith("Correct the 3 values above.");
	}

	@Test
	void credentialsInAPrefixAreRefusedAndNeverShown() {
		MockEnvironment environment = new MockEnvironment().withProperty("blob.upload.enabled", "true")
			.withProperty("blob.upload.uri-prefix", "s3://AKIAEXAMPLE:hunter2@bucket/traces")
			.withProperty("blob.upload.use-cases.chat-input.uri-prefix", "azblob://account/container?sig=hunter2")
			.withProperty("blob.upload.worker.threads", "0");
		ConfigurationReport report = new ConfigurationReport(environment);
		new BlobUploadConfigurationCheck().check(report);
		assertThat(report.problems()).extracting(InvalidConfigurationPropertyValueException::getName)
			.containsExactly("blob.upload.worker.threads", "blob.upload.uri-prefix",
					"blob.upload.use-cases.chat-input.uri-prefix");
		FailureAnalysis analysis = new InvalidBlobUploadConfigurationFailureAnalyzer(environment)
			.analyze(new InvalidBlobUploadConfigurationException(report.problems()));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("A URI prefix must not hold credentials")
			.doesNotContain("hunter2")
			.doesNotContain("AKIAEXAMPLE");
	}

	@Test
	void aSingleInvalidValueThrownLaterIsReportedRedacted() {
		MockEnvironment environment = new MockEnvironment().withProperty("blob.upload.uri-prefix",
				"s3://AKIAEXAMPLE:hunter2@bucket/x");
		InvalidBlobUploadConfigurationFailureAnalyzer analyzer = new InvalidBlobUploadConfigurationFailureAnalyzer(
				environment);
		FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("bean creation failed",
				new InvalidConfigurationPropertyValueException("blob.upload.uri-prefix",
						"s3://AKIAEXAMPLE:hunter2@bucket/x",
						"'My_Bucket' in 's3://AKIAEXAMPLE:hunter2@My_Bucket/x' is not a valid S3 bucket name")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("A configuration property has a value that cannot be used:")
			.contains("Property: blob.upload.uri-prefix")
			.contains("Origin: \"blob.upload.uri-prefix\" from property source \"mockProperties\"")
			.doesNotContain("hunter2");
		assertThat(analysis.getAction()).isEqualTo("Correct the value above.");
		assertThat(analyzer.analyze(new InvalidConfigurationPropertyValueException("server.port", "x", "bad")))
			.as("other properties are Spring Boot's to report")
			.isNull();
	}

	@Test
	void valuesThatCannotBeReadAreProblemsToo() {
		this.runner
			.withPropertyValues("blob.upload.worker.threads=two", "blob.upload.max-blob-size=lots",
					"blob.upload.retry.max-attempts=0", "blob.upload.naming=random")
			.run((context) -> assertThat(failure(context).getProblems())
				.extracting(InvalidConfigurationPropertyValueException::getName,
						InvalidConfigurationPropertyValueException::getReason)
				.containsExactlyInAnyOrder(tuple("blob.upload.worker.threads", "It cannot be read as a whole number."),
						tuple("blob.upload.max-blob-size", "It cannot be read as a size, such as 20MB or 512KB."),
						tuple("blob.upload.naming", "It cannot be read as one of content-addressed, uuid."),
						tuple("blob.upload.retry.max-attempts", "It must be at least 1 but was 0.")));
	}

	@Test
	void everyRuleAcrossSettingsIsReported() {
		this.runner
			.withPropertyValues("blob.upload.queue.max-bytes=1MB", "blob.upload.retry.max-backoff=100ms",
					"blob.upload.spool.enabled=true", "blob.upload.spool.directory=" + this.folder,
					"blob.upload.spool.max-bytes=2MB")
			.run((context) -> assertThat(failure(context).getProblems())
				.extracting(InvalidConfigurationPropertyValueException::getName)
				.containsExactly("blob.upload.retry.max-backoff", "blob.upload.queue.max-bytes",
						"blob.upload.spool.max-bytes"));
	}

	@Test
	void aRuleAcrossSettingsIsNotReportedForAValueRefusedAlready() {
		this.runner.withPropertyValues("blob.upload.max-blob-size=0B", "blob.upload.queue.max-bytes=1MB")
			.run((context) -> assertThat(failure(context).getProblems())
				.extracting(InvalidConfigurationPropertyValueException::getName)
				.containsExactly("blob.upload.max-blob-size"));
	}

	@Test
	void recordLinksAloneIsOneProblemNamingBothNeeds() {
		this.runner.withPropertyValues("blob.upload.viewer.record-links=true")
			.run((context) -> assertThat(failure(context).getProblems()).singleElement().satisfies((problem) -> {
				assertThat(problem.getName()).isEqualTo("blob.upload.viewer.record-links");
				assertThat(problem.getReason()).contains("set blob.upload.viewer.enabled=true")
					.contains("blob.upload.viewer.base-url, the address a person opens the viewer at");
			}));
	}

	@Test
	void viewerAndCoreProblemsAreReportedTogether() {
		this.runner
			.withPropertyValues("blob.upload.worker.threads=0", "blob.upload.viewer.enabled=true",
					"blob.upload.viewer.path=/", "blob.upload.viewer.base-url=ops/viewer")
			.run((context) -> assertThat(failure(context).getProblems())
				.extracting(InvalidConfigurationPropertyValueException::getName)
				.containsExactly("blob.upload.worker.threads", "blob.upload.viewer.path",
						"blob.upload.viewer.base-url"));
	}

	@Test
	void aFeatureAddsItsOwnCheckWithoutTheCoreAutoConfiguration() {
		new ApplicationContextRunner().withUserConfiguration(FeatureConfiguration.class)
			.withPropertyValues("blob.upload.feature.limit=-1")
			.run((context) -> assertThat(failure(context).getProblems()).singleElement().satisfies((problem) -> {
				assertThat(problem.getName()).isEqualTo("blob.upload.feature.limit");
				assertThat(problem.getValue()).isEqualTo("-1");
				assertThat(problem.getReason()).isEqualTo("It must not be negative but was -1.");
			}));
	}

	@Test
	void aFeatureCheckIsReportedWithTheCoreOnes() {
		this.runner.withUserConfiguration(FeatureConfiguration.class)
			.withPropertyValues("blob.upload.feature.limit=-1", "blob.upload.worker.threads=0")
			.run((context) -> assertThat(failure(context).getProblems())
				.extracting(InvalidConfigurationPropertyValueException::getName)
				.containsExactlyInAnyOrder("blob.upload.worker.threads", "blob.upload.feature.limit"));
	}

	@Test
	void theChecksRunBeforeAnyBeanIsCreated() {
		FeatureConfiguration.created.set(false);
		this.runner.withUserConfiguration(FeatureConfiguration.class)
			.withPropertyValues("blob.upload.worker.threads=0")
			.run((context) -> {
				assertThat(context.getStartupFailure()).isInstanceOf(InvalidBlobUploadConfigurationException.class);
				assertThat(FeatureConfiguration.created).isFalse();
			});
	}

	@Test
	void validValuesStartTheContext() {
		this.runner.withUserConfiguration(FeatureConfiguration.class)
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.feature.limit=3", "blob.upload.viewer.enabled=true",
					"blob.upload.viewer.base-url=https://ops.example.com/blob-viewer",
					"blob.upload.viewer.record-links=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(FeatureConfiguration.created).isTrue();
			});
	}

	private static InvalidBlobUploadConfigurationException failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		// Thrown by the check itself, not by the creation of a bean.
		assertThat(context.getStartupFailure()).isInstanceOf(InvalidBlobUploadConfigurationException.class);
		return (InvalidBlobUploadConfigurationException) context.getStartupFailure();
	}

	/** A feature's auto-configuration with a check of its own. */
	@Configuration(proxyBeanMethods = false)
	@Import(ConfigurationChecksRegistrar.class)
	static class FeatureConfiguration {

		static final AtomicBoolean created = new AtomicBoolean();

		@Bean
		static ConfigurationCheck featureConfigurationCheck() {
			return (report) -> {
				FeatureProperties properties = report.bind("blob.upload.feature", FeatureProperties.class);
				report.set("blob.upload.feature.limit", properties.getLimit(), (limit) -> {
					if (limit < 0) {
						throw new IllegalArgumentException("limit must not be negative but was " + limit);
					}
				});
			};
		}

		@Bean
		Object featureBean() {
			created.set(true);
			return new Object();
		}

	}

	/** The feature's properties. */
	public static class FeatureProperties {

		private int limit;

		public int getLimit() {
			return this.limit;
		}

		public void setLimit(int limit) {
			this.limit = limit;
		}

	}

}
