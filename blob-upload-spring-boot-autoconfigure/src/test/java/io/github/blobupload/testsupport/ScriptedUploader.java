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

package io.github.blobupload.testsupport;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.SimpleBlobUploader;

/**
 * A provider that keeps blobs in memory and fails or blocks on demand: for engine tests
 * of faults that a real store cannot be made to produce on cue. Storage-backed behaviour
 * is tested against the real {@code file:} provider and the emulators.
 */
public class ScriptedUploader implements SimpleBlobUploader {

	/** What the next calls do, in order; when empty, calls store the blob. */
	private final ConcurrentLinkedQueue<Action> script = new ConcurrentLinkedQueue<>();

	private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile Semaphore gate;

	private volatile boolean down;

	/** Signalled each time a call starts (after it is counted). */
	private final Semaphore started = new Semaphore(0);

	@Override
	public String generateDestinationUri(Blob blob) {
		return "mem://bucket/" + BlobNamingStrategies.contentAddressed().objectName(blob);
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		this.calls.incrementAndGet();
		this.started.release();
		Semaphore currentGate = this.gate;
		if (currentGate != null) {
			try {
				currentGate.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new java.io.InterruptedIOException("interrupted while blocked");
			}
		}
		if (this.down) {
			throw new java.net.ConnectException("Connection refused (storage is down)");
		}
		Action action = this.script.poll();
		if (action != null) {
			action.run();
		}
		this.stored.put(uri, blob.rawBytes());
	}

	/**
	 * Makes the next calls fail (or succeed) in turn.
	 * @param actions what each call does
	 * @return this
	 */
	public ScriptedUploader then(Action... actions) {
		for (Action action : actions) {
			this.script.add(action);
		}
		return this;
	}

	/**
	 * Makes every call fail as an unreachable store does, until called with
	 * {@code false}.
	 * @param down whether storage is down
	 * @return this
	 */
	public ScriptedUploader storageDown(boolean down) {
		this.down = down;
		return this;
	}

	/**
	 * Makes every call block until {@link #open(int)} lets it through.
	 * @return this
	 */
	public ScriptedUploader blockUploads() {
		this.gate = new Semaphore(0);
		return this;
	}

	/**
	 * Lets the given number of blocked calls through.
	 * @param permits how many
	 */
	public void open(int permits) {
		this.gate.release(permits);
	}

	/**
	 * Waits until the given number of calls have started.
	 * @param count how many
	 * @throws InterruptedException if interrupted
	 */
	public void awaitStarted(int count) throws InterruptedException {
		if (!this.started.tryAcquire(count, 10, java.util.concurrent.TimeUnit.SECONDS)) {
			throw new AssertionError("fewer than " + count + " uploads started in 10 s");
		}
	}

	public Map<String, byte[]> stored() {
		return this.stored;
	}

	public int calls() {
		return this.calls.get();
	}

	/** What one call does. */
	@FunctionalInterface
	public interface Action {

		/** Succeeds. */
		Action SUCCEED = () -> {
		};

		void run() throws IOException;

		static Action fail(String message) {
			return () -> {
				throw new IOException(message);
			};
		}

		static Action failPermanently(String message) {
			return () -> {
				throw new io.github.blobupload.PermanentUploadException(message);
			};
		}

		static Action hang(CountDownLatch release) {
			return () -> {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new java.io.InterruptedIOException("interrupted while hanging");
				}
			};
		}

	}

}
