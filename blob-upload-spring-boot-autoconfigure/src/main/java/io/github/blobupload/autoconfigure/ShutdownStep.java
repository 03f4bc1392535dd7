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

package io.github.blobupload.autoconfigure;

import org.springframework.context.SmartLifecycle;

/**
 * One step of the starter's ordered shutdown: something to do when the context stops, in
 * a phase of its own relative to the others (the OpenTelemetry SDKs flushed, then the
 * upload registries closed, then the reference index closed), before any bean is
 * destroyed, so that the storage clients are still open. Never paused; running from the
 * start.
 */
public abstract class ShutdownStep implements SmartLifecycle {

	private final int phase;

	private volatile boolean running;

	/**
	 * Creates a step.
	 * @param phase its phase: a lower phase stops later
	 */
	protected ShutdownStep(int phase) {
		this.phase = phase;
	}

	/** Does what this step does at shutdown. Called once per stop of the context. */
	protected abstract void onStop();

	@Override
	public final void start() {
		this.running = true;
	}

	@Override
	public final void stop() {
		try {
			onStop();
		}
		finally {
			this.running = false;
		}
	}

	@Override
	public final boolean isRunning() {
		return this.running;
	}

	@Override
	public final int getPhase() {
		return this.phase;
	}

	@Override
	public final boolean isPauseable() {
		return false;
	}

}
