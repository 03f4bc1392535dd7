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

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ReferenceKeys}.
 */
class ReferenceKeysTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

	@Test
	void unkeyedIsTheFirstHalfOfSha256() {
		// FIPS 180-2's "abc" example.
		assertThat(ReferenceKeys.unkeyed().keyOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
		assertThat(ReferenceKeys.unkeyed().isKeyed()).isFalse();
	}

	@Test
	void keyedIsTheFirstHalfOfHmacSha256UnderTheSecret() throws Exception {
		ReferenceKeys keys = ReferenceKeys.keyed(SECRET);
		assertThat(keys.isKeyed()).isTrue();
		assertThat(keys.keyOf("alice@example.com")).isEqualTo(hmac(SECRET, "alice@example.com"))
			.isNotEqualTo(ReferenceKeys.unkeyed().keyOf("alice@example.com"))
			.isNotEqualTo(ReferenceKeys.keyed(SECRET + "x").keyOf("alice@example.com"))
			.matches("[0-9a-f]{32}");
	}

	@Test
	void keysAreTheSameFromManyThreadsAtOnce() throws Exception {
		ReferenceKeys keys = ReferenceKeys.keyed(SECRET);
		List<Callable<Boolean>> tasks = IntStream.range(0, 8)
			.<Callable<Boolean>>mapToObj((t) -> () -> IntStream.range(0, 500)
				.allMatch((i) -> keys.keyOf("owner-" + i).equals(hmac(SECRET, "owner-" + i))))
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (Future<Boolean> result : pool.invokeAll(tasks)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aShortSecretIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReferenceKeys.keyed("short-secret-value"))
			.withMessageContaining("at least 32 bytes")
			.withMessageNotContaining("short-secret-value");
	}

	@Test
	void toStringNeverShowsTheSecret() {
		assertThat(ReferenceKeys.keyed(SECRET).toString()).doesNotContain(SECRET).contains("HMAC");
	}

	private static String hmac(String secret, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
