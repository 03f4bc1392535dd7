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

package io.github.blobupload.ai.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LastElementHolder}.
 */
class LastElementHolderTests {

	private final Sinks.Many<String> source = Sinks.many().unicast().onBackpressureBuffer();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final List<Throwable> errors = new CopyOnWriteArrayList<>();

	private final AtomicBoolean completed = new AtomicBoolean();

	private final AtomicInteger finished = new AtomicInteger();

	private Disposable subscribe() {
		return LastElementHolder.hold(this.source.asFlux(), (last) -> {
			this.finished.incrementAndGet();
			return last + "!";
		}).subscribe(this.received::add, this.errors::add, () -> this.completed.set(true));
	}

	@Test
	void passesEachElementOnAsSoonAsTheNextArrives() {
		subscribe();

		this.source.tryEmitNext("a");
		assertThat(this.received).isEmpty();
		this.source.tryEmitNext("b");
		assertThat(this.received).containsExactly("a");
		this.source.tryEmitNext("c");
		assertThat(this.received).containsExactly("a", "b");
		this.source.tryEmitComplete();

		assertThat(this.received).containsExactly("a", "b", "c!");
		assertThat(this.completed).isTrue();
		assertThat(this.finished).hasValue(1);
	}

	@Test
	void failedStreamPassesTheHeldElementUnchangedThenItsOwnError() {
		IllegalStateException failure = new IllegalStateException("model failed");
		subscribe();

		this.source.tryEmitNext("a");
		this.source.tryEmitNext("b");
		this.source.tryEmitError(failure);

		assertThat(this.received).containsExactly("a", "b");
		assertThat(this.errors).containsExactly(failure);
		assertThat(this.finished).hasValue(0);
	}

	@Test
	void cancelledStreamIsNeverFinished() {
		Disposable subscription = subscribe();

		this.source.tryEmitNext("a");
		this.source.tryEmitNext("b");
		subscription.dispose();
		this.source.tryEmitComplete();

		assertThat(this.received).containsExactly("a");
		assertThat(this.finished).hasValue(0);
		assertThat(this.completed).isFalse();
	}

	@Test
	void emptyStreamCompletesWithoutFinishing() {
		subscribe();

		this.source.tryEmitComplete();

		assertThat(this.received).isEmpty();
		assertThat(this.completed).isTrue();
		assertThat(this.finished).hasValue(0);
	}

}
