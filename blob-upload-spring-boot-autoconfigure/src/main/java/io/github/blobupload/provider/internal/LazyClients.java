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

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One {@link LazyClient} per account, for a store whose clients are bound to an account
 * (an Azure storage account): the application's own client when it has one, otherwise one
 * built for the account on first use. {@link #close()} closes the clients built here.
 *
 * @param <T> the client type
 */
public final class LazyClients<T> implements AutoCloseable {

	private final String description;

	private final Supplier<@Nullable T> existing;

	private final Function<String, T> factory;

	private final Map<String, LazyClient<T>> clients = new ConcurrentHashMap<>();

	private LazyClients(String description, Supplier<@Nullable T> existing, Function<String, T> factory) {
		this.description = Objects.requireNonNull(description, "description must not be null");
		this.existing = Objects.requireNonNull(existing, "existing must not be null");
		this.factory = Objects.requireNonNull(factory, "factory must not be null");
	}

	/**
	 * Creates lazy clients.
	 * @param <T> the client type
	 * @param description what a client is, for log and error messages, such as
	 * {@code "Azure Blob client"}; the account is added to it
	 * @param existing gives the application's own client, or {@code null} when it has
	 * none; called on first use of each account
	 * @param factory builds a client for an account when the application has none; called
	 * on first use
	 * @return the lazy clients
	 */
	public static <T> LazyClients<T> of(String description, Supplier<@Nullable T> existing,
			Function<String, T> factory) {
		return new LazyClients<>(description, existing, factory);
	}

	/**
	 * Returns the lazy client of an account; the same one for every call with that
	 * account. Obtains nothing yet.
	 * @param account the account name
	 * @return the lazy client
	 */
	public LazyClient<T> forAccount(String account) {
		return this.clients.computeIfAbsent(account, (name) -> LazyClient.of(this.description + " for " + name,
				this.existing, () -> this.factory.apply(name)));
	}

	/** Closes the clients built here; the application's own is left open. */
	@Override
	public void close() {
		this.clients.values().forEach(LazyClient::close);
	}

	@Override
	public String toString() {
		return "LazyClients[" + this.description + "]";
	}

}
