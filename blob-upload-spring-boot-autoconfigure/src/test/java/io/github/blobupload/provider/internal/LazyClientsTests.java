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

package io.github.blobupload.provider.internal;

import java.util.ArrayList;
import java.util.List;

import io.github.blobupload.provider.internal.LazyClientTests.Closeable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LazyClients}.
 */
class LazyClientsTests {

	@Test
	void oneLazyClientPerAccountBuiltOnFirstUseForThatAccount() {
		List<String> built = new ArrayList<>();
		LazyClients<Closeable> clients = LazyClients.of("test", () -> null, (account) -> {
			built.add(account);
			return new Closeable();
		});
		LazyClient<Closeable> first = clients.forAccount("first");
		assertThat(clients.forAccount("first")).isSameAs(first);
		assertThat(built).isEmpty();
		Closeable client = first.get();
		assertThat(clients.forAccount("second").get()).isNotSameAs(client);
		assertThat(built).containsExactly("first", "second");
		assertThat(first).hasToString("LazyClient[test for first]");
		clients.close();
		assertThat(client.closed).isOne();
	}

	@Test
	void theApplicationsClientServesEveryAccountAndIsNeverClosed() {
		Closeable users = new Closeable();
		LazyClients<Closeable> clients = LazyClients.of("test", () -> users, (account) -> {
			throw new AssertionError("the application has a client");
		});
		assertThat(clients.forAccount("first").get()).isSameAs(users);
		assertThat(clients.forAccount("second").get()).isSameAs(users);
		clients.close();
		assertThat(users.closed).isZero();
	}

}
