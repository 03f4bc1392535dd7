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
package io.github.blobupload.viewer;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response that counts the body bytes of an object written through it into
 * {@link ViewerStats}, for the bytes-served meter: the body of an answer 200 or 206 (an
 * error's short sentence is not an object's bytes). Every write is passed on unchanged.
 */
final class CountingResponse extends HttpServletResponseWrapper {

	private final ViewerStats stats;

	private @Nullable ServletOutputStream counting;

	CountingResponse(HttpServletResponse response, ViewerStats stats) {
		super(response);
		this.stats = stats;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		int status = getStatus();
		if (status != SC_OK && status != SC_PARTIAL_CONTENT) {
			return super.getOutputStream();
		}
		if (this.counting == null) {
			this.counting = new CountingStream(super.getOutputStream(), this.stats);
		}
		return this.counting;
	}

	private static final class CountingStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		private final ViewerStats stats;

		CountingStream(ServletOutputStream delegate, ViewerStats stats) {
			this.delegate = delegate;
			this.stats = stats;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			this.stats.served(1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.delegate.write(b, off, len);
			this.stats.served(len);
		}

		@Override
		public void write(ByteBuffer buffer) throws IOException {
			int remaining = buffer.remaining();
			this.delegate.write(buffer);
			this.stats.served(remaining - buffer.remaining());
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

}
