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

package io.github.blobupload.autoconfigure.erasure;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.github.blobupload.erasure.ErasureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ErasureListener} made of what one memo does before and after an erasure. What
 * the memo throws is logged (its type only: no URI, no label) and otherwise ignored, as
 * an erasure listener must not throw.
 */
final class MemoErasureListener implements ErasureListener {

	private static final Logger logger = LoggerFactory.getLogger(MemoErasureListener.class);

	private final String memo;

	private final Consumer<Predicate<Map<String, String>>> before;

	private final BiConsumer<Set<String>, Set<String>> after;

	/**
	 * Creates a listener.
	 * @param memo what forgets, for the log, such as {@code "upload engines"}
	 * @param before drops what waits to be written of the selected content
	 * @param after forgets the deleted objects and erased traces
	 */
	MemoErasureListener(String memo, Consumer<Predicate<Map<String, String>>> before,
			BiConsumer<Set<String>, Set<String>> after) {
		this.memo = memo;
		this.before = before;
		this.after = after;
	}

	/**
	 * Creates a listener that only forgets after an erasure.
	 * @param memo what forgets, for the log
	 * @param after forgets the deleted objects and erased traces
	 * @return the listener
	 */
	static MemoErasureListener forgetting(String memo, BiConsumer<Set<String>, Set<String>> after) {
		return new MemoErasureListener(memo, (selected) -> {
		}, after);
	}

	@Override
	public void beforeErasure(Predicate<Map<String, String>> selected) {
		try {
			this.before.accept(selected);
		}
		catch (RuntimeException ex) {
			logger.warn("The {} could not drop the waiting blobs of the content being erased ({})", this.memo,
					ex.getClass().getName());
		}
	}

	@Override
	public void onErased(Set<String> deletedUris, Set<String> traceIds) {
		try {
			this.after.accept(deletedUris, traceIds);
		}
		catch (RuntimeException ex) {
			logger.warn("The {} could not forget the erased content ({})", this.memo, ex.getClass().getName());
		}
	}

	@Override
	public String toString() {
		return "MemoErasureListener[" + this.memo + "]";
	}

}
