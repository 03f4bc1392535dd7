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

package io.github.blobupload.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.assertStored;
import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the owner of a model call, resolved on the caller's thread, labels every
 * blob of the call through a real {@code ChatClient} (spring-ai-openai against a WireMock
 * stub, real tracing, {@code file:} storage), although its prompt image is offloaded on
 * the starter's own threads, where the resolver would find no owner.
 */
@SpringBootTest(
		classes = { SpringAiTestSupport.TestApplication.class, SpringAiOwnerLabelIntegrationTests.Owners.class },
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}blobs",
				"blob.upload.ai.refs.base-path=${test.storage}refs", "blob.upload.ai.layouts=semconv,refs",
				"blob.upload.erasure.enabled=true",
				"blob.upload.erasure.secret=" + SpringAiOwnerLabelIntegrationTests.SECRET,
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"spring.ai.openai.chat.options.model=gpt-4o-mini", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiOwnerLabelIntegrationTests extends SpringAiIntegrationTest {

	static final String SECRET = "an-owner-label-test-secret-of-at-least-32-bytes";

	/** The owner, known on the caller's thread only (as a security context is). */
	private static final ThreadLocal<String> OWNER = new ThreadLocal<>();

	private static final Set<Thread> resolvedOn = ConcurrentHashMap.newKeySet();

	private static final AtomicReference<Thread> imageFilteredOn = new AtomicReference<>();

	@Autowired
	OwnerLabels ownerLabels;

	@Autowired
	ReferenceIndexWriter index;

	@BeforeEach
	void reset() {
		resolvedOn.clear();
		imageFilteredOn.set(null);
	}

	@Test
	void theImageOffloadedOffTheCallersThreadCarriesTheCallersOwner() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A red square.");
		byte[] image = png(20_000);

		OWNER.set("alice");
		try {
			this.chatClientBuilder.build()
				.prompt()
				.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
				.call()
				.content();
		}
		finally {
			OWNER.remove();
		}

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(imageFilteredOn.get().getName()).startsWith("blob-upload-prompt-media-");
		assertThat(resolvedOn).as("the owner is resolved on the caller's thread only")
			.containsExactly(Thread.currentThread());
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiRefsWriter.INPUT_MESSAGES_REF);
		String imageUri = (String) firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertStored(imageUri, image);
		String owner = this.ownerLabels.labelValue("alice");
		assertThat(owner).isNotEqualTo("alice");
		assertThat(labels(imageUri)).containsEntry(BlobOwnerResolver.OWNER_LABEL, owner)
			.containsEntry("span_id", span.getSpanId());
		assertThat(labels(attribute(span, GenAiRefsWriter.INPUT_MESSAGES_REF)))
			.containsEntry(BlobOwnerResolver.OWNER_LABEL, owner);
		assertThat(labels(attribute(span, GenAiRefsWriter.OUTPUT_MESSAGES_REF)))
			.containsEntry(BlobOwnerResolver.OWNER_LABEL, owner);
	}

	@Test
	void aStreamSubscribedOnTheCallersThreadCarriesItsOwner() throws Exception {
		SpringAiTestSupport.stubStreamedAnswer(server, "A yellow ", "square.");
		byte[] image = png(23_000);

		OWNER.set("carol");
		try {
			this.chatClientBuilder.build()
				.prompt()
				.user((user) -> user.text("Stream it.").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
				.stream()
				.content()
				.collectList()
				.block();
		}
		finally {
			OWNER.remove();
		}

		// A streamed model call's span ends on the stream's thread, perhaps after block()
		// returned: wait for it, then for what it uploaded.
		SpanData span = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> spanWithOrNull(GenAiRefsWriter.INPUT_MESSAGES_REF), Objects::nonNull);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(resolvedOn).containsExactly(Thread.currentThread());
		String imageUri = (String) firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertThat(labels(imageUri)).containsEntry(BlobOwnerResolver.OWNER_LABEL, this.ownerLabels.labelValue("carol"));
	}

	@Test
	void anOwnerGivenAsAnAdvisorParamIsBridgedToTheResolver() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A green square.");
		byte[] image = png(22_000);

		// The docs' example: an advisor puts the call's "owner" parameter where the
		// resolver reads it, for the length of the call.
		this.chatClientBuilder.build()
			.prompt()
			.advisors((advisors) -> advisors.advisors(new OwnerParamAdvisor()).param(OwnerParamAdvisor.OWNER, "bob"))
			.user((user) -> user.text("And that?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.call()
			.content();

		assertThat(OWNER.get()).isNull();
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiRefsWriter.INPUT_MESSAGES_REF);
		String imageUri = (String) firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertThat(labels(imageUri)).containsEntry(BlobOwnerResolver.OWNER_LABEL, this.ownerLabels.labelValue("bob"));
	}

	@Test
	void mediaReusedByAnotherOwnerIsIndexedUnderThatOwner() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "The same square.");
		// One message object sent by two callers, as a shared chat history does: the
		// second call records the first call's URI without uploading it.
		UserMessage shared = UserMessage.builder()
			.text("Shared?")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png(24_000))))
			.build();
		long reusedBefore = this.offloader.count(MediaOffloadOutcome.REUSED);
		for (String owner : List.of("erin", "dave")) {
			OWNER.set(owner);
			try {
				this.chatClientBuilder.build().prompt().messages(shared).call().content();
			}
			finally {
				OWNER.remove();
			}
		}

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(this.index.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(this.offloader.count(MediaOffloadOutcome.REUSED)).as("recorded without an upload")
			.isEqualTo(reusedBefore + 1);
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiRefsWriter.INPUT_MESSAGES_REF);
		String imageUri = (String) firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		String daveKey = this.ownerLabels.keyOfOwner("dave");
		try (Stream<Path> files = Files.walk(storage)) {
			assertThat(files.filter((file) -> file.getParent().toString().endsWith("_refs/u/" + daveKey))
				.map(SpringAiOwnerLabelIntegrationTests::read))
				.as("a reference of the reused image under the second caller's owner")
				.anyMatch((record) -> record.contains(imageUri));
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aCallWithoutOwnerLabelsNothing() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A blue square.");
		byte[] image = png(21_000);

		this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("And this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.call()
			.content();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiRefsWriter.INPUT_MESSAGES_REF);
		String imageUri = (String) firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertThat(labels(imageUri)).doesNotContainKey(BlobOwnerResolver.OWNER_LABEL);
		assertThat(labels(attribute(span, GenAiRefsWriter.INPUT_MESSAGES_REF)))
			.doesNotContainKey(BlobOwnerResolver.OWNER_LABEL);
	}

	private static Map<String, String> labels(String uri) throws Exception {
		return SpringAiTestSupport.json(Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json")),
				"$.labels");
	}

	/**
	 * Makes a call's {@value #OWNER} parameter the owner the resolver reads, on the
	 * caller's thread, for the length of a (non-streaming) call; runs before the
	 * starter's advisor and the model.
	 */
	static final class OwnerParamAdvisor implements CallAdvisor {

		static final String OWNER = "owner";

		@Override
		public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
			Object owner = request.context().get(OWNER);
			if (owner == null) {
				return chain.nextCall(request);
			}
			SpringAiOwnerLabelIntegrationTests.OWNER.set(owner.toString());
			try {
				return chain.nextCall(request);
			}
			finally {
				SpringAiOwnerLabelIntegrationTests.OWNER.remove();
			}
		}

		@Override
		public String getName() {
			return "ownerParam";
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/**
	 * The owner resolver, and a filter that notes where the prompt's image is offloaded.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Owners {

		@Bean
		BlobOwnerResolver threadLocalOwner() {
			return () -> {
				resolvedOn.add(Thread.currentThread());
				return OWNER.get();
			};
		}

		@Bean
		MediaFilter threadNotingFilter() {
			return (media) -> {
				if (media.direction() == MediaFilter.Direction.INPUT) {
					imageFilteredOn.set(Thread.currentThread());
				}
				return MediaFilter.Decision.pass();
			};
		}

	}

	private @Nullable SpanData spanWithOrNull(String attribute) {
		return flushSpans(this.tracerProvider, this.exporter).stream()
			.filter((span) -> span.getAttributes()
				.asMap()
				.keySet()
				.stream()
				.anyMatch((key) -> key.getKey().equals(attribute)))
			.findFirst()
			.orElse(null);
	}

}
