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

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Runs after {@link SampleRunner} and reads the app's own actuator over HTTP, the way an
 * operator would: the {@code blobUpload} health component with its details, the
 * {@code blob.upload.*} meters listed by {@code /actuator/metrics}, and the uploaded
 * count per use case.
 */
@Component
@Order(3)
class OperationsReport implements CommandLineRunner {

	private final WebServerApplicationContext context;

	private final RestClient.Builder restClientBuilder;

	private final JsonMapper json = JsonMapper.builder().build();

	OperationsReport(WebServerApplicationContext context, RestClient.Builder restClientBuilder) {
		this.context = context;
		this.restClientBuilder = restClientBuilder;
	}

	@Override
	public void run(String... args) {
		// the port is known only once the server has started, after this bean was created
		String baseUrl = "http://127.0.0.1:" + this.context.getWebServer().getPort() + "/actuator";
		RestClient actuator = this.restClientBuilder.baseUrl(baseUrl).build();
		System.out.println();
		System.out.println("GET " + baseUrl + "/health/blobUpload");
		Map<String, Object> health = get(actuator, "/health/blobUpload");
		System.out.println(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(health).indent(2));
		System.out.println("GET " + baseUrl + "/metrics (the blob.upload.* names)");
		@SuppressWarnings("unchecked")
		List<String> names = (List<String>) get(actuator, "/metrics").get("names");
		names.stream().filter((name) -> name.startsWith("blob.upload")).sorted().forEach((name) -> {
			System.out.println("  " + name);
		});
		System.out.println();
		String uploaded = "/metrics/blob.upload.blobs?tag=outcome:uploaded";
		System.out.println("GET " + baseUrl + uploaded);
		System.out.println("  " + this.json.writeValueAsString(get(actuator, uploaded)));
	}

	private static Map<String, Object> get(RestClient actuator, String path) {
		Map<String, Object> body = actuator.get()
			.uri(path)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
				// a DOWN health answers 503 with the same body: print it all the same
			})
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		return (body != null) ? body : Map.of();
	}

}
