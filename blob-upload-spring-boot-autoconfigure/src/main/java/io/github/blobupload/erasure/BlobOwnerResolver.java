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

import org.jspecify.annotations.Nullable;

/**
 * Says who the content of the current call belongs to, so that it can be erased by owner:
 * a user id from the Spring Security principal, a tenant, a customer number. Declare one
 * bean; it is called on the caller's thread (the thread that makes the model call or
 * calls {@code uploadAsync}), before any work moves to the starter's own threads, and
 * never sees the content.
 * <p>
 * The value is stored as the blob's {@value #OWNER_LABEL} label and in the reference
 * index, as a keyed hash (HMAC-SHA-256) by default, so that object metadata does not
 * carry user ids in clear.
 */
@FunctionalInterface
public interface BlobOwnerResolver {

	/** The label holding a blob's owner, as stored (a keyed hash by default). */
	String OWNER_LABEL = "owner";

	/**
	 * Returns the owner of the content being recorded now. Must be cheap and must not
	 * throw; a failure is treated as no owner.
	 * @return the owner, or {@code null} when the call has none (such as a background
	 * job)
	 */
	@Nullable String resolveOwner();

}
