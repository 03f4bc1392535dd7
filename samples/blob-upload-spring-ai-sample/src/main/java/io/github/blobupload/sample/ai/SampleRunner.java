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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.viewer.TraceIndexWriter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The sample's work: one chat call with an image, one image generation, then a report.
 */
@Component
@Order(1)
class SampleRunner implements CommandLineRunner {

	private final ChatClient chatClient;

	private final ImageModel imageModel;

	private final ObservationRegistry observations;

	private final BlobUploaderRegistry uploaders;

	private final SdkTracerProvider tracerProvider;

	private final CollectingSpanExporter spans;

	private final Path folder;

	private final Tracer tracer;

	private final String audioModel;

	private final ObjectProvider<TraceIndexWriter> traceIndex;

	private volatile @Nullable String traceId;

	SampleRunner(ChatClient.Builder chatClientBuilder, ImageModel imageModel, ObservationRegistry observations,
			BlobUploaderRegistry uploaders, SdkTracerProvider tracerProvider, CollectingSpanExporter spans,
			Tracer tracer, @Value("${blob.upload.uri-prefix}") String uriPrefix,
			@Value("${sample.audio-model}") String audioModel, ObjectProvider<TraceIndexWriter> traceIndex) {
		this.chatClient = chatClientBuilder.build();
		this.imageModel = imageModel;
		this.observations = observations;
		this.uploaders = uploaders;
		this.tracerProvider = tracerProvider;
		this.spans = spans;
		this.folder = folderOf(uriPrefix);
		this.tracer = tracer;
		this.audioModel = audioModel;
		this.traceIndex = traceIndex;
	}

	/**
	 * Returns the trace the sample's calls were recorded in, once it has run.
	 * @return the trace id, or {@code null} before the run
	 */
	@Nullable String traceId() {
		return this.traceId;
	}

	private static Path folderOf(String fileUriPrefix) {
		if (fileUriPrefix.startsWith("file://")) {
			return Path.of(URI.create(fileUriPrefix));
		}
		return Path.of(fileUriPrefix.substring("file:".length())).toAbsolutePath();
	}

	@Override
	public void run(String... args) throws IOException {
		byte[] chart = SampleImages.chart();
		byte[] chime = SampleAudio.chime();
		Observation.createNotStarted("sample.infographic", this.observations).observe(() -> {
			Span span = this.tracer.currentSpan();
			this.traceId = (span != null) ? span.context().traceId() : null;
			ChatClientResponse answer = this.chatClient.prompt()
				.user((user) -> user.text("What does this chart show? Answer in one sentence.")
					.media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(chart)))
				.call()
				.chatClientResponse();
			System.out.println();
			System.out.println("Model answer: " + answer.chatResponse().getResult().getOutput().getText());
			@SuppressWarnings("unchecked")
			List<OffloadedMedia> offloaded = (List<OffloadedMedia>) answer.context()
				.getOrDefault(BlobOffloadAdvisor.OFFLOADED_MEDIA, List.of());
			offloaded.forEach((media) -> System.out.printf("Offloaded by the advisor: %s %s (%,d bytes) -> %s%n",
					media.useCase(), media.contentType(), media.size(), media.uri()));
			String heard = this.chatClient.prompt()
				.options(OpenAiChatOptions.builder().model(this.audioModel))
				.user((user) -> user.text("What do you hear in this recording?")
					.media(MimeType.valueOf("audio/wav"), new ByteArrayResource(chime)))
				.call()
				.content();
			System.out.println("Model answer about the recording: " + heard);
			ImageResponse image = this.imageModel
				.call(new ImagePrompt("An infographic of: " + answer.chatResponse().getResult().getOutput().getText()));
			System.out.printf("Image model returned %,d base64 characters%n",
					image.getResult().getOutput().getB64Json().length());
		});
		this.uploaders.flush(Duration.ofSeconds(10));
		// The viewer's trace index is written by engines of its own: wait for them too,
		// so
		// that the listing below is complete and no file is half-written.
		TraceIndexWriter index = this.traceIndex.getIfAvailable();
		if (index != null) {
			index.flush(Duration.ofSeconds(10));
		}
		this.tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
		printSpans();
		printFiles();
	}

	private void printSpans() {
		System.out.println();
		System.out.println(
				"Span attributes written by blob-upload (gen_ai.* = OpenTelemetry GenAI semconv, llm.* = OpenInference):");
		for (SpanData span : this.spans.spans()) {
			List<String> lines = span.getAttributes()
				.asMap()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().getKey().startsWith("gen_ai.input.messages")
						|| entry.getKey().getKey().startsWith("gen_ai.output.messages")
						|| entry.getKey().getKey().startsWith("llm."))
				.map((entry) -> "    " + entry.getKey().getKey() + " = " + entry.getValue())
				.sorted()
				.toList();
			if (!lines.isEmpty()) {
				System.out.println("  span '" + span.getName() + "' (trace " + span.getTraceId() + ")");
				lines.forEach(System.out::println);
			}
		}
	}

	private void printFiles() throws IOException {
		Path root = this.folder;
		System.out.println();
		System.out.println("Files in " + root + ":");
		if (!Files.isDirectory(root)) {
			System.out.println("  (none)");
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				try {
					System.out.printf("  %,10d bytes  %s%n", Files.size(file), root.relativize(file));
				}
				catch (NoSuchFileException ex) {
					// a temporary file of a write that finished meanwhile
				}
			}
		}
	}

}
