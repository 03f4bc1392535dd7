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

import java.util.List;

import io.github.blobupload.BlobUploader;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that a configuration failure of a real web application (embedded Tomcat, every
 * auto-configuration on the class path, as an application with the starter has) is
 * reported in one Spring Boot failure report, with no error or stack trace of a
 * half-started web server before it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureReportTests {

	private static final String REPORT = "APPLICATION FAILED TO START";

	@Test
	void threeBadValuesGiveOneReportAndNoWebServerError(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		assertThatExceptionOfType(InvalidBlobUploadConfigurationException.class).isThrownBy(
				() -> application.run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
						"--spring.ai.openai.api-key=any", "--management.otlp.metrics.export.enabled=false",
						"--blob.upload.enabled=true", "--blob.upload.worker.threads=0",
						"--blob.upload.retry.max-backoff=100ms", "--blob.upload.uri-prefix=/tmp/x"));
		String log = output.toString();
		assertThat(log).contains(REPORT);
		List<String> before = log.substring(0, log.indexOf(REPORT))
			.lines()
			// The report itself is logged at ERROR by Spring Boot's reporter.
			.filter((line) -> !line.contains("LoggingFailureAnalysisReporter"))
			.toList();
		assertThat(before).noneMatch((line) -> line.contains(" ERROR "))
			.noneMatch((line) -> line.startsWith("\tat ") || line.startsWith("Caused by:"))
			.noneMatch((line) -> line.contains("Tomcat") || line.contains("org.apache.catalina"));
		assertThat(log.substring(log.indexOf(REPORT)))
			.contains("3 configuration properties have values that cannot be used:")
			.contains("    Property: blob.upload.worker.threads\n    Value: \"0\"\n"
					+ "    Origin: \"blob.upload.worker.threads\" from property source \"commandLineArgs\"\n"
					+ "    Reason: It must be at least 1 but was 0.")
			.contains("    Property: blob.upload.retry.max-backoff\n    Value: \"100ms\"")
			.contains("    Property: blob.upload.uri-prefix\n    Value: \"/tmp/x\"")
			.contains("Correct the 3 values above.");
	}

	/**
	 * An application with every auto-configuration on the test class path, and a servlet
	 * filter that uses the uploader: the web server creates it as it starts, as it
	 * creates Spring Boot's observation filter, whose observation handlers reach the
	 * uploader in an application with the Spring AI integration.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		FilterRegistrationBean<Filter> uploadingFilter(BlobUploader uploader) {
			return new FilterRegistrationBean<>((request, response, chain) -> chain.doFilter(request, response));
		}

	}

}
