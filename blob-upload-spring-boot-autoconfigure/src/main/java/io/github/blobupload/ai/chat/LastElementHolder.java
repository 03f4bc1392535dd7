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

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds back the last element of a stream so that it can be completed once the stream is:
 * every other element passes at once and unchanged, the last one when the stream
 * completes, as the finisher returns it. When the stream fails, the held element is
 * passed on unchanged, then the stream's own error; when it is cancelled, the held
 * element is dropped. The finisher runs at most once, never on error or cancellation.
 */
final class LastElementHolder {

	private LastElementHolder() {
	}

	/**
	 * Returns the stream with its last element completed by a finisher.
	 * @param <T> the type of the elements
	 * @param source the stream
	 * @param finisher completes the last element; must not throw
	 * @return the stream, with as many elements as the source
	 */
	static <T> Flux<T> hold(Flux<T> source, UnaryOperator<T> finisher) {
		return Flux.defer(() -> {
			AtomicReference<@Nullable T> held = new AtomicReference<>();
			Flux<T> allButLast = source.<T>handle((element, sink) -> {
				T previous = held.getAndSet(element);
				if (previous != null) {
					sink.next(previous);
				}
			}).onErrorResume((ex) -> Flux.concat(Mono.justOrEmpty(held.getAndSet(null)), Flux.error(ex)));
			return allButLast.concatWith(Mono.fromSupplier(() -> {
				T last = held.getAndSet(null);
				return (last != null) ? finisher.apply(last) : null;
			}));
		});
	}

}
