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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who the blob viewer answers. The decision is taken from the connection and the
 * authenticated user only, never from a header a client can send: "local" means that the
 * connection's own peer ({@link HttpServletRequest#getRemoteAddr()}) is a loopback
 * address and that the request carries no forwarding header ({@code Forwarded},
 * {@code X-Forwarded-*}, {@code X-Real-IP}, {@code Via}, ...), since a request that
 * carries one came through a proxy and is not the local user's. "Authenticated" means
 * that the request has a user principal ({@link HttpServletRequest#getUserPrincipal()}),
 * as Spring Security's filter chain or the container sets it; an anonymous user is none.
 */
public enum ViewerAccess {

	/** Local requests only. */
	LOCAL("local requests only"),

	/** Authenticated requests, and unauthenticated ones when they are local. */
	AUTHENTICATED_OR_LOCAL("authenticated requests and local ones"),

	/**
	 * Authenticated requests only: for applications where the connection's peer cannot be
	 * trusted to tell a local request, because a forward-headers strategy rewrites it.
	 */
	AUTHENTICATED("authenticated requests only"),

	/** Every request that reaches the viewer: the application's own security decides. */
	OPEN("every request that reaches it");

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.%\\[\\]]{1,64}");

	private static final Set<String> FORWARDING_HEADERS = Set.of("forwarded", "x-real-ip", "via", "client-ip",
			"true-client-ip", "x-client-ip", "x-cluster-client-ip", "cf-connecting-ip", "fastly-client-ip",
			"x-original-forwarded-for");

	private final String description;

	ViewerAccess(String description) {
		this.description = description;
	}

	/**
	 * Returns who is served, in words, for the startup log.
	 * @return for example {@code "local requests only"}
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Returns why a request is refused, or {@code null} when it is served.
	 * @param request the request
	 * @return a short sentence for the 403 answer, or {@code null}
	 */
	@Nullable String refusal(HttpServletRequest request) {
		if (this == OPEN
				|| ((this == AUTHENTICATED || this == AUTHENTICATED_OR_LOCAL) && request.getUserPrincipal() != null)) {
			return null;
		}
		if (this == AUTHENTICATED) {
			return "The blob viewer answers authenticated requests only.";
		}
		String local = (this == LOCAL)
				? "The blob viewer answers requests from this machine only (see blob.upload.viewer.allow-remote)."
				: "The blob viewer answers authenticated requests, and others from this machine only.";
		if (!isLoopback(request.getRemoteAddr())) {
			return local;
		}
		if (hasForwardingHeader(request)) {
			return local + " This request came through a proxy.";
		}
		return null;
	}

	/**
	 * Returns whether a request carries a header that a proxy adds to tell where the
	 * request came from.
	 * @param request the request
	 * @return whether it came through a proxy, by its headers
	 */
	static boolean hasForwardingHeader(HttpServletRequest request) {
		for (String name : Collections.list(request.getHeaderNames())) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("x-forwarded-") || FORWARDING_HEADERS.contains(lower)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns whether a remote address is the local machine.
	 * @param remoteAddress the address of the client, an IP literal
	 * @return whether it is a loopback address
	 */
	static boolean isLoopback(@Nullable String remoteAddress) {
		if (remoteAddress == null || !IP_LITERAL.matcher(remoteAddress).matches()) {
			return false;
		}
		try {
			// An IP literal: no name is looked up.
			return InetAddress.getByName(remoteAddress).isLoopbackAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			return false;
		}
	}

}
