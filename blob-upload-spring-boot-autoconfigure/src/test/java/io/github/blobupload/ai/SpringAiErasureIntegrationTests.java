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

import java.nio.file.Files;
import java.util.List;

import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.Kept;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.pathOf;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure of the {@code refs} files a real Spring AI {@code ChatClient} wrote, by the
 * conversation id its chat memory gives ({@code gen_ai.conversation.id}): two
 * conversations send the same image with the same system prompt; erasing one deletes its
 * input and output files and keeps the image and the system instructions file, which the
 * other still references. The grace period is {@code 1ms}, so that files written a moment
 * ago can be erased.
 */
@SpringBootTest(classes = SpringAiTestSupport.TestApplication.class, properties = { "blob.upload.enabled=true",
		"blob.upload.uri-prefix=${test.storage}blobs", "blob.upload.ai.refs.base-path=${test.storage}refs",
		"blob.upload.ai.layouts=semconv,refs", "blob.upload.erasure.enabled=true",
		"blob.upload.erasure.secret=a-spring-ai-erasure-test-secret-of-32-bytes",
		"blob.upload.erasure.grace-period=1ms", "spring.application.name=chat-app", "spring.ai.openai.api-key=test-key",
		"spring.ai.retry.max-attempts=1", "spring.ai.openai.chat.options.model=gpt-4o-mini",
		"management.tracing.sampling.probability=1.0", "management.otlp.metrics.export.enabled=false" })
class SpringAiErasureIntegrationTests extends SpringAiIntegrationTest {

	@Autowired
	BlobErasure erasure;

	@Autowired
	ReferenceIndexWriter index;

	@Test
	void erasingOneConversationDeletesItsRefsFilesAndKeepsWhatTheOtherShares() {
		SpringAiTestSupport.stubTextAnswer(server, "A red square.");
		byte[] image = png(15_000);
		Call a = call("conversation-a", image);
		Call b = call("conversation-b", image);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(this.index.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(a.image()).isEqualTo(b.image());
		assertThat(a.instructions()).isEqualTo(b.instructions());

		ErasureReceipt receipt = this.erasure.erase(ErasureSelector.conversation("conversation-a"), false);

		assertThat(receipt.failed()).isEmpty();
		assertThat(receipt.deleted()).containsExactlyInAnyOrder(a.inputs(), a.outputs());
		assertThat(receipt.kept()).containsExactlyInAnyOrder(new Kept(a.image(), KeptReason.SHARED),
				new Kept(a.instructions(), KeptReason.SHARED));
		assertThat(pathOf(a.inputs())).doesNotExist();
		assertThat(pathOf(a.outputs())).doesNotExist();
		for (String uri : List.of(a.image(), a.instructions(), b.inputs(), b.outputs())) {
			assertThat(Files.exists(pathOf(uri))).as(uri).isTrue();
		}

		ErasureReceipt receiptOfB = this.erasure.erase(ErasureSelector.conversation("conversation-b"), false);
		assertThat(receiptOfB.deleted()).containsExactlyInAnyOrder(b.inputs(), b.outputs(), b.image(),
				b.instructions());
		assertThat(receiptOfB.kept()).isEmpty();
		assertThat(pathOf(b.image())).doesNotExist();
	}

	/** One model call of a conversation, and the URIs its span records. */
	private Call call(String conversationId, byte[] image) {
		this.exporter.reset();
		this.chatClientBuilder.build()
			.prompt()
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
			.system("You describe pictures in one sentence.")
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.call()
			.content();
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiRefsWriter.INPUT_MESSAGES_REF);
		return new Call((String) firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri"),
				attribute(span, GenAiRefsWriter.INPUT_MESSAGES_REF),
				attribute(span, GenAiRefsWriter.OUTPUT_MESSAGES_REF),
				attribute(span, GenAiRefsWriter.SYSTEM_INSTRUCTIONS_REF));
	}

	private record Call(String image, String inputs, String outputs, String instructions) {

	}

}
