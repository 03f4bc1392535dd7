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

package io.github.blobupload.erasure;

import java.util.List;

/**
 * Names the objects other integrations wrote about one reference, which an erasure
 * deletes with it: the viewer's trace-index entry of the span, say. Declare one as a
 * bean; the erasure deletes what it names through the destination's deleter.
 */
@FunctionalInterface
public interface ReferenceCompanions {

	/**
	 * Returns the storage URIs of the objects written about a reference.
	 * @param readerPrefix the destination's canonical prefix, ending with {@code /}
	 * @param reference the reference being removed
	 * @return the URIs, each under the prefix; empty when there are none
	 */
	List<String> companionsOf(String readerPrefix, ReferenceRecord reference);

}
