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

import org.jspecify.annotations.Nullable;

/**
 * One read on record: a person (or a client) was shown an object's bytes, the page of an
 * object or the page of a trace. It holds who and what, never content, query strings or
 * headers.
 *
 * @param principal the name of the authenticated user, or {@code null} when the request
 * had none (a local request without Spring Security, say)
 * @param peerAddress the address of the connection's peer, as the container reports it
 * ({@code getRemoteAddr()}: the client's, once a forward-headers strategy rewrote it)
 * @param page what was read: {@link ViewerPage#RAW}, {@link ViewerPage#BLOB} or
 * {@link ViewerPage#TRACE}
 * @param useCase the use case of the object as its link names it, such as
 * {@code chat-input}; {@code null} for a trace page
 * @param object the object's name, or the trace id of a trace page
 * @param status the HTTP status answered: 200, 206 (the first range of a media element)
 * or a redirect to the bytes
 */
public record ViewerRead(@Nullable String principal, String peerAddress, ViewerPage page, @Nullable String useCase,
		String object, int status) {

}
