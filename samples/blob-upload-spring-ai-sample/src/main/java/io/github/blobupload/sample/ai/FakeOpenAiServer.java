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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny stand-in for the OpenAI API, used when no {@code OPENAI_API_KEY} is set, so that
 * the sample runs without an account. It listens on 127.0.0.1 on a free port and answers
 * {@code POST /v1/chat/completions} with a fixed description and
 * {@code POST /v1/images/generations} with a generated PNG as {@code b64_json}: the same
 * JSON shapes OpenAI returns, so the real spring-ai-openai client, observations and blob
 * offloading run unchanged. It remembers the size of the last chat request to show that
 * the model received the original image. A chat request carrying audio
 * ({@code input_audio}) gets an answer about the recording. For the voice conversation it
 * answers {@code POST /v1/audio/transcriptions} with the question of the turn (told by
 * the uploaded file's name, {@code turn-N.wav}) and {@code POST /v1/audio/speech} with a
 * WAV.
 */
final class FakeOpenAiServer implements AutoCloseable {

	/** What the recordings of the voice conversation's turns say. */
	private static final String[] QUESTIONS = { "What does this infographic show?", "Which quarter grew the most?",
			"Summarise it in five words." };

	private static final String[] ANSWERS = { "Quarterly sales, growing each quarter.",
			"The last quarter grew the most.", "Sales grew every single quarter." };

	private static final Pattern TURN = Pattern.compile("filename=\"turn-(\\d+)\\.wav\"");

	private final HttpServer server;

	private final AtomicLong lastChatRequestBytes = new AtomicLong();

	private volatile boolean lastChatRequestHadImage;

	private FakeOpenAiServer(HttpServer server) {
		this.server = server;
	}

	static FakeOpenAiServer start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		FakeOpenAiServer fake = new FakeOpenAiServer(server);
		server.createContext("/v1/chat/completions", fake::chat);
		server.createContext("/v1/images/generations", fake::image);
		server.createContext("/v1/audio/transcriptions", fake::transcription);
		server.createContext("/v1/audio/speech", fake::speech);
		server.start();
		return fake;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	long lastChatRequestBytes() {
		return this.lastChatRequestBytes.get();
	}

	boolean lastChatRequestHadImage() {
		return this.lastChatRequestHadImage;
	}

	private void chat(HttpExchange exchange) throws IOException {
		String request = read(exchange);
		boolean audio = request.contains("\"input_audio\"");
		if (!audio) {
			this.lastChatRequestBytes.set(request.length());
			this.lastChatRequestHadImage = request.contains("data:image/png;base64,");
		}
		String answer = audio ? "A short two-tone chime that fades out." : answerTo(request);
		reply(exchange, """
				{"id":"chatcmpl-fake","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
				 "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
				  "message":{"role":"assistant","refusal":null,
				   "content":"%s"}}],
				 "usage":{"prompt_tokens":120,"completion_tokens":18,"total_tokens":138}}""".formatted(answer));
	}

	private void transcription(HttpExchange exchange) throws IOException {
		String request = read(exchange);
		Matcher turn = TURN.matcher(request);
		int number = turn.find() ? Integer.parseInt(turn.group(1)) : 1;
		reply(exchange, "text/plain",
				QUESTIONS[Math.floorMod(number - 1, QUESTIONS.length)].getBytes(StandardCharsets.UTF_8));
	}

	private void speech(HttpExchange exchange) throws IOException {
		String request = read(exchange);
		reply(exchange, "audio/wav", SampleAudio.spokenAnswer(request));
	}

	private void image(HttpExchange exchange) throws IOException {
		read(exchange);
		String png = Base64.getEncoder().encodeToString(SampleImages.infographic());
		reply(exchange, "{\"created\":1700000000,\"data\":[{\"b64_json\":\"" + png
				+ "\",\"revised_prompt\":\"A clean infographic of quarterly sales\"}]}");
	}

	private static String answerTo(String request) {
		// The last question of the conversation decides; chat memory sends earlier ones
		// too.
		int best = -1;
		String answer = "The chart shows three bars growing from left to right: sales doubled each quarter.";
		for (int i = 0; i < QUESTIONS.length; i++) {
			int at = request.lastIndexOf(QUESTIONS[i]);
			if (at > best) {
				best = at;
				answer = ANSWERS[i];
			}
		}
		return answer;
	}

	private static String read(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void reply(HttpExchange exchange, String json) throws IOException {
		reply(exchange, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	private static void reply(HttpExchange exchange, String contentType, byte[] bytes) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
