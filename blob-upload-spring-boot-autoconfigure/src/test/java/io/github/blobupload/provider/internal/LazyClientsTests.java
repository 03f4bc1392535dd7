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
