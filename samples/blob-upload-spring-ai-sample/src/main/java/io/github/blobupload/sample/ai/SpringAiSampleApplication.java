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

package io.github.blobupload.sample.ai;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Sends a chart to a chat model ("what does it show?"), asks an image model for an
 * infographic, and prints the span attributes, where the files went and the link of the
 * trace's page in the blob viewer.
 * <p>
 * With {@code OPENAI_API_KEY} set it talks to OpenAI; without it, it starts
 * {@link FakeOpenAiServer} on 127.0.0.1 and points spring-ai-openai at it.
 */
@SpringBootApplication
public class SpringAiSampleApplication {

	@Bean
	CollectingSpanExporter collectingSpanExporter() {
		return new CollectingSpanExporter();
	}

	/**
	 * Runs the sample, prints what it did and what the actuator reports, and exits; with
	 * {@code --sample.keep-running=true} it keeps serving {@code /actuator} instead.
	 * @param args Spring Boot arguments, such as {@code --blob.upload.uri-prefix=...}
	 * @throws IOException if the fake endpoint cannot start
	 */
	public static void main(String[] args) throws IOException {
		Run run = start(args);
		if (run.keepRunning()) {
			System.out.println("Serving " + run.actuatorUrl() + " and the blob viewer at " + run.viewerUrl()
					+ " until stopped (Ctrl-C).");
			return;
		}
		System.exit(run.exit());
	}

	/**
	 * Starts the sample: the fake OpenAI endpoint when no API key is given, then the app,
	 * whose runners do the work.
	 * @param args Spring Boot arguments
	 * @return the running sample
	 * @throws IOException if the fake endpoint cannot start
	 */
	static Run start(String[] args) throws IOException {
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		// The links recorded on the spans need the viewer's address, so the port is
		// chosen first.
		String port = argument(arguments, "--server.port=");
		if (port == null || port.equals("0")) {
			port = String.valueOf(freePort());
			arguments.add("--server.port=" + port);
		}
		if (argument(arguments, "--blob.upload.viewer.base-url=") == null) {
			arguments.add("--blob.upload.viewer.base-url=http://127.0.0.1:" + port + "/blob-viewer");
		}
		FakeOpenAiServer fake = null;
		if (!hasText(System.getenv("OPENAI_API_KEY"))
				&& arguments.stream().noneMatch((arg) -> arg.startsWith("--spring.ai.openai.api-key="))) {
			fake = FakeOpenAiServer.start();
			arguments.add("--spring.ai.openai.base-url=" + fake.baseUrl());
			arguments.add("--spring.ai.openai.api-key=no-key-needed-for-the-fake-endpoint");
			System.out.println("No OPENAI_API_KEY: using the built-in fake OpenAI endpoint at " + fake.baseUrl());
		}
		try {
			ConfigurableApplicationContext context = new SpringApplication(SpringAiSampleApplication.class)
				.run(arguments.toArray(String[]::new));
			if (fake != null) {
				System.out.printf("The fake endpoint received a chat request of %,d bytes%s.%n",
						fake.lastChatRequestBytes(),
						fake.lastChatRequestHadImage() ? " carrying the original image as a data: URI" : "");
			}
			Run run = new Run(context, fake);
			if (run.tracePageUrl() != null) {
				System.out.println();
				System.out.println("Open the media of this trace in a browser (while the app runs, see "
						+ "--sample.keep-running=true): " + run.tracePageUrl());
			}
			return run;
		}
		catch (RuntimeException ex) {
			if (fake != null) {
				fake.close();
			}
			throw ex;
		}
	}

	/**
	 * A started sample.
	 *
	 * @param context the application context
	 * @param fake the fake OpenAI endpoint, if one was started
	 */
	record Run(ConfigurableApplicationContext context, @Nullable FakeOpenAiServer fake) {

		boolean keepRunning() {
			return this.context.getEnvironment().getProperty("sample.keep-running", Boolean.class, false);
		}

		String actuatorUrl() {
			return "http://127.0.0.1:" + port() + "/actuator";
		}

		String viewerUrl() {
			return "http://127.0.0.1:" + port() + "/blob-viewer/";
		}

		/**
		 * Returns the viewer's page of the trace the sample recorded.
		 * @return the page's URL, or {@code null} if no trace was recorded
		 */
		@Nullable String tracePageUrl() {
			String traceId = this.context.getBean(SampleRunner.class).traceId();
			return (traceId != null) ? "http://127.0.0.1:" + port() + "/blob-viewer/traces/" + traceId : null;
		}

		private int port() {
			return ((WebServerApplicationContext) this.context).getWebServer().getPort();
		}

		/**
		 * Closes the app (flushing pending uploads) and the fake endpoint.
		 * @return the exit code
		 */
		int exit() {
			try {
				return SpringApplication.exit(this.context);
			}
			finally {
				if (this.fake != null) {
					this.fake.close();
				}
			}
		}

	}

	private static @Nullable String argument(List<String> arguments, String prefix) {
		return arguments.stream()
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.reduce((first, last) -> last)
			.orElse(null);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
