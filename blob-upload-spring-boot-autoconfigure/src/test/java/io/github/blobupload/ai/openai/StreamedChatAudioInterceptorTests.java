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

package io.github.blobupload.ai.openai;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.ai.audio.StreamedChatAudioAccess;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamedChatAudioInterceptor}, in a real OkHttp client against a local
 * server.
 */
class StreamedChatAudioInterceptorTests {

	private static final WireMockServer server = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

	private final StreamedChatAudio audio = new StreamedChatAudio(1024);

	private final OkHttpClient client = new OkHttpClient.Builder()
		.addInterceptor(new StreamedChatAudioInterceptor(this.audio))
		.build();

	@BeforeAll
	static void start() {
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void bodyIsPassedOnUnchangedWhileItsAudioIsAssembled() throws Exception {
		String body = event("c1", "{\"audio\":{\"id\":\"a\",\"transcript\":\"Hi\"}}") + "\r\n"
				+ event("c1", audioDelta(new byte[] { 1, 2, 3 })) + event("c1", "{\"content\":\"audio\"}")
				+ event("c1", audioDelta(new byte[] { 4, 5 })) + "data: [DONE]";
		stub("/v1/chat/completions", "text/event-stream", body);

		byte[] received = read("/v1/chat/completions");

		assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo(body);
		assertThat(this.audio.size()).isOne();
		assertThat(audioOf("c1")).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void malformedAudioLetsGoOfTheStreamsAudio() throws Exception {
		String body = event("c2", audioDelta(new byte[] { 1, 2 })) + "data: {\"id\":\"c2\",\"audio\" oops}\n\n"
				+ event("c2", audioDelta(new byte[] { 3 }));
		stub("/v1/chat/completions", "text/event-stream", body);

		byte[] received = read("/v1/chat/completions");

		assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo(body);
		assertThat(this.audio.size()).isZero();
	}

	@Test
	void otherResponsesAreNotRead() throws Exception {
		String body = event("c3", audioDelta(new byte[] { 1 }));
		stub("/v1/chat/completions", "application/json", body);
		stub("/v1/other", "text/event-stream", body);

		assertThat(read("/v1/chat/completions")).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
		assertThat(read("/v1/other")).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
		assertThat(this.audio.size()).isZero();
	}

	private byte[] audioOf(String id) {
		return StreamedChatAudioAccess.take(this.audio, id, 0);
	}

	private byte[] read(String path) throws Exception {
		Request request = new Request.Builder().url(server.baseUrl() + path)
			.post(RequestBody.create(new byte[0], null))
			.build();
		try (Response response = this.client.newCall(request).execute()) {
			return response.body().bytes();
		}
	}

	private static void stub(String path, String contentType, String body) {
		server.stubFor(post(urlPathEqualTo(path))
			.willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
	}

	private static String audioDelta(byte[] pcm) {
		return "{\"audio\":{\"data\":\"" + Base64.getEncoder().encodeToString(pcm) + "\"}}";
	}

	private static String event(String id, String delta) {
		return "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
				+ delta + "}]}\n\n";
	}

}
