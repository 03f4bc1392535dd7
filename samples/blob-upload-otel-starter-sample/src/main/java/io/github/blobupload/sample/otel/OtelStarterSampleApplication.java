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

package io.github.blobupload.sample.otel;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Records a GenAI chat span and its {@code gen_ai.client.inference.operation.details} log
 * event by hand, through the OpenTelemetry API of the OpenTelemetry Spring Boot starter,
 * each with the user's image inline as a GenAI {@code blob} part, as a producer outside
 * the starter's Spring AI hooks writes them. The export guard stores the image once
 * (content addressing) and the console exporters print the span and the log record with a
 * {@code uri} part in its place. Runs with the {@code file:} storage: no cloud account,
 * no collector.
 */
@SpringBootApplication
public class OtelStarterSampleApplication {

	/** A 2x2 PNG, padded so that it is above the guard's examine-above threshold. */
	static final byte[] IMAGE = image();

	/**
	 * Starts the sample; it exits when done.
	 * @param args Spring Boot arguments, such as
	 * {@code --blob.upload.uri-prefix=file:///tmp/blobs}
	 */
	public static void main(String[] args) {
		SpringApplication.run(OtelStarterSampleApplication.class, args).close();
	}

	@Bean
	ApplicationRunner recordAChatWithAnImage(OpenTelemetry openTelemetry) {
		return (args) -> {
			Span span = openTelemetry.getTracer("blob-upload-otel-starter-sample")
				.spanBuilder("chat gpt-4o")
				.setAttribute("gen_ai.operation.name", "chat")
				.setAttribute("gen_ai.request.model", "gpt-4o")
				.startSpan();
			try (Scope scope = span.makeCurrent()) {
				span.setAttribute("gen_ai.input.messages",
						"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is in this image?\"},"
								+ "{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/png\","
								+ "\"content\":\"" + Base64.getEncoder().encodeToString(IMAGE) + "\"}]}]");
				openTelemetry.getLogsBridge()
					.get("blob-upload-otel-starter-sample")
					.logRecordBuilder()
					.setEventName("gen_ai.client.inference.operation.details")
					.setTimestamp(Instant.now())
					.setAttribute("gen_ai.operation.name", "chat")
					.setAttribute(AttributeKey.valueKey("gen_ai.input.messages"), inputMessages())
					.emit();
			}
			finally {
				span.end();
			}
			System.out.println("Recorded span 'chat gpt-4o' and its log event, each with a " + IMAGE.length
					+ "-byte PNG inline; they are exported when the application stops.");
		};
	}

	private static Value<?> inputMessages() {
		Map<String, Value<?>> text = new LinkedHashMap<>();
		text.put("type", Value.of("text"));
		text.put("content", Value.of("What is in this image?"));
		Map<String, Value<?>> image = new LinkedHashMap<>();
		image.put("type", Value.of("blob"));
		image.put("modality", Value.of("image"));
		image.put("mime_type", Value.of("image/png"));
		image.put("content", Value.of(Base64.getEncoder().encodeToString(IMAGE)));
		Map<String, Value<?>> message = new LinkedHashMap<>();
		message.put("role", Value.of("user"));
		message.put("parts", Value.of(List.of(Value.of(text), Value.of(image))));
		return Value.of(List.of(Value.of(message)));
	}

	private static byte[] image() {
		byte[] png = Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
		// Trailing bytes after IEND are ignored by image readers; they make the image big
		// enough to be examined and stored rather than left inline.
		byte[] padded = new byte[4096];
		System.arraycopy(png, 0, padded, 0, png.length);
		for (int i = png.length; i < padded.length; i++) {
			padded[i] = (byte) (i * 31);
		}
		return padded;
	}

}
