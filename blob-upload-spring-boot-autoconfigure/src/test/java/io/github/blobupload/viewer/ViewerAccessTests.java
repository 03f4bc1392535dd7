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

import java.security.Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ViewerAccess}.
 */
class ViewerAccessTests {

	private static final Principal OPS = () -> "ops";

	@Test
	void loopbackAddressesAreLocal() {
		assertThat(ViewerAccess.isLoopback("127.0.0.1")).isTrue();
		assertThat(ViewerAccess.isLoopback("127.8.9.10")).isTrue();
		assertThat(ViewerAccess.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(ViewerAccess.isLoopback("::1")).isTrue();
		assertThat(ViewerAccess.isLoopback("10.0.0.1")).isFalse();
		assertThat(ViewerAccess.isLoopback("fd00::2")).isFalse();
		assertThat(ViewerAccess.isLoopback("localhost.example.com")).isFalse();
		assertThat(ViewerAccess.isLoopback(null)).isFalse();
	}

	@Test
	void localServesALoopbackPeerWithoutForwardingHeaders() {
		assertThat(ViewerAccess.LOCAL.refusal(request("127.0.0.1"))).isNull();
		assertThat(ViewerAccess.LOCAL.refusal(request("0:0:0:0:0:0:0:1"))).isNull();
	}

	@Test
	void localRefusesARemotePeerEvenWhenAuthenticated() {
		MockHttpServletRequest request = request("192.0.2.10");
		request.setUserPrincipal(OPS);
		assertThat(ViewerAccess.LOCAL.refusal(request)).contains("this machine only");
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Forwarded-For: 127.0.0.1", "x-forwarded-for: ::1", "Forwarded: for=127.0.0.1",
			"Forwarded: for=\"[::1]\"", "X-Forwarded-For: 0:0:0:0:0:0:0:1", "X-Real-IP: 127.0.0.1",
			"X-Forwarded-Host: localhost", "X-Forwarded-Proto: https", "Via: 1.1 proxy", "True-Client-IP: 127.0.0.1" })
	void localRefusesALoopbackPeerThatCameThroughAProxy(String header) {
		MockHttpServletRequest request = request("127.0.0.1");
		String[] parts = header.split(": ", 2);
		request.addHeader(parts[0], parts[1]);
		assertThat(ViewerAccess.LOCAL.refusal(request)).contains("came through a proxy");
		assertThat(ViewerAccess.AUTHENTICATED_OR_LOCAL.refusal(request)).contains("came through a proxy");
	}

	@Test
	void authenticatedOrLocalServesAnAuthenticatedRemoteRequest() {
		MockHttpServletRequest request = request("192.0.2.10");
		request.addHeader("X-Forwarded-For", "198.51.100.7");
		assertThat(ViewerAccess.AUTHENTICATED_OR_LOCAL.refusal(request)).isNotNull();
		request.setUserPrincipal(OPS);
		assertThat(ViewerAccess.AUTHENTICATED_OR_LOCAL.refusal(request)).isNull();
	}

	@Test
	void authenticatedRefusesEvenALocalUnauthenticatedRequest() {
		assertThat(ViewerAccess.AUTHENTICATED.refusal(request("127.0.0.1"))).contains("authenticated requests only");
		MockHttpServletRequest request = request("192.0.2.10");
		request.setUserPrincipal(OPS);
		assertThat(ViewerAccess.AUTHENTICATED.refusal(request)).isNull();
	}

	@Test
	void openServesEveryRequest() {
		MockHttpServletRequest request = request("192.0.2.10");
		request.addHeader("X-Forwarded-For", "127.0.0.1");
		assertThat(ViewerAccess.OPEN.refusal(request)).isNull();
	}

	private static MockHttpServletRequest request(String remoteAddress) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/blob-viewer/");
		request.setRemoteAddr(remoteAddress);
		return request;
	}

}
