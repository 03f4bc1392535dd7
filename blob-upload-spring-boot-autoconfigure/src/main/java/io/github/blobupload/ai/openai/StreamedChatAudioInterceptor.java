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

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.internal.RateLimitedLogger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * An OkHttp interceptor for the OpenAI client that recovers the audio of streamed chat
 * completions ({@code modalities: ["text", "audio"]} with {@code pcm16} audio), which
 * spring-ai-openai drops: the body of a {@code /chat/completions} event stream is passed
 * to the client byte for byte and at once, and as it passes, the base64 PCM16 of each
 * {@code choices[i].delta.audio.data} is decoded and appended to a
 * {@link StreamedChatAudio} under the completion's {@code id} and the choice's index.
 * Other requests and responses are passed on untouched.
 * <p>
 * Never throws into the HTTP stream: anything unexpected (malformed JSON or base64 in an
 * event with audio, an event longer than a limit) lets go of the audio of that response,
 * which is then not offloaded, and is logged (rate-limited, without content).
 */
public final class StreamedChatAudioInterceptor implements Interceptor {

	private static final String CHAT_COMPLETIONS = "/chat/completions";

	private final StreamedChatAudio audio;

	private final RateLimitedLogger errors = new RateLimitedLogger(
			LoggerFactory.getLogger(StreamedChatAudioInterceptor.class), Duration.ofMinutes(1));

	/**
	 * Creates an interceptor.
	 * @param audio where the audio is assembled
	 */
	public StreamedChatAudioInterceptor(StreamedChatAudio audio) {
		this.audio = audio;
	}

	/**
	 * Proceeds with the request and, for a chat completion's event stream, returns the
	 * response with a body that reads the audio deltas as they pass.
	 * @param chain the chain
	 * @return the response, its body wrapped when it is a chat completion's event stream
	 * @throws IOException as the chain throws it
	 */
	@Override
	public Response intercept(Chain chain) throws IOException {
		Response response = chain.proceed(chain.request());
		try {
			ResponseBody body = response.body();
			if (body == null || !isChatCompletionStream(chain.request(), response)) {
				return response;
			}
			SseAudioScanner scanner = new SseAudioScanner(this.audio, this.errors);
			return response.newBuilder().body(new ScanningBody(body, scanner)).build();
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not read the audio of a streamed chat completion: " + ex.getClass().getName(),
					ex);
			return response;
		}
	}

	private static boolean isChatCompletionStream(Request request, Response response) {
		String contentType = response.header("Content-Type");
		return request.url().encodedPath().endsWith(CHAT_COMPLETIONS) && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
	}

	/** A body that passes the delegate's bytes on and shows them to the scanner. */
	private static final class ScanningBody extends ResponseBody {

		private final ResponseBody delegate;

		private final SseAudioScanner scanner;

		private @Nullable BufferedSource source;

		ScanningBody(ResponseBody delegate, SseAudioScanner scanner) {
			this.delegate = delegate;
			this.scanner = scanner;
		}

		@Override
		public @Nullable MediaType contentType() {
			return this.delegate.contentType();
		}

		@Override
		public long contentLength() {
			return this.delegate.contentLength();
		}

		@Override
		public synchronized BufferedSource source() {
			if (this.source == null) {
				this.source = Okio.buffer(new ScanningSource(this.delegate.source(), this.scanner));
			}
			return this.source;
		}

	}

	/** Shows each read's bytes to the scanner after they are in the reader's buffer. */
	private static final class ScanningSource extends ForwardingSource {

		private final SseAudioScanner scanner;

		ScanningSource(Source delegate, SseAudioScanner scanner) {
			super(delegate);
			this.scanner = scanner;
		}

		@Override
		public long read(Buffer sink, long byteCount) throws IOException {
			long read = super.read(sink, byteCount);
			if (read > 0) {
				this.scanner.accept(sink, sink.size() - read, read);
			}
			else if (read < 0) {
				this.scanner.end();
			}
			return read;
		}

	}

}
