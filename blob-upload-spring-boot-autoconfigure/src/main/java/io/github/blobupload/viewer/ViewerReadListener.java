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

import java.util.List;

/**
 * Hears every read on record of the {@link BlobViewerServlet}: one call per {@code GET}
 * of an object's bytes, an object's page or a trace's page answered 200. For an object's
 * bytes, a 206 (or a redirect to the bytes) is a read when it asks for the range starting
 * at byte 0, as the first request of an {@code <audio>} or {@code <video>} element does,
 * and not when it starts further on, as the element's seeks do. A {@code HEAD}, a 304 and
 * an error are no reads. Called on the request's thread once the answer is written: an
 * implementation must be quick; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface ViewerReadListener {

	/** A listener that does nothing. */
	ViewerReadListener NONE = (read) -> {
	};

	/**
	 * Hears a read.
	 * @param read who read what
	 */
	void onRead(ViewerRead read);

	/**
	 * Returns a listener that calls each of the given ones in turn, each one even when an
	 * earlier one throws.
	 * @param listeners the listeners
	 * @return one listener
	 */
	static ViewerReadListener of(List<? extends ViewerReadListener> listeners) {
		List<ViewerReadListener> all = List.copyOf(listeners);
		return (read) -> {
			RuntimeException first = null;
			for (ViewerReadListener listener : all) {
				try {
					listener.onRead(read);
				}
				catch (RuntimeException ex) {
					if (first == null) {
						first = ex;
					}
				}
			}
			if (first != null) {
				throw first;
			}
		};
	}

}
