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

package io.github.blobupload.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How long the memos that let an upload be skipped trust an entry (the engines' recent
 * uploads, the Spring AI offloader's recent media): with erasure on, half its grace
 * period, so that an object any instance could still skip uploading has been written or
 * referenced within the grace period, and an erasure keeps it; otherwise unlimited, as
 * before. Read from the environment by name, so that the core and the Spring AI
 * auto-configurations need not depend on erasure's.
 */
public final class ErasureMemoLifetime {

	/** The default of {@code blob.upload.erasure.grace-period}. */
	public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofMinutes(15);

	private static final String ENABLED = "blob.upload.erasure.enabled";

	private static final String GRACE_PERIOD = "blob.upload.erasure.grace-period";

	private ErasureMemoLifetime() {
	}

	/**
	 * Returns the lifetime of memo entries.
	 * @param environment the environment
	 * @return half of {@code blob.upload.erasure.grace-period} when
	 * {@code blob.upload.erasure.enabled=true} (zero for a negative grace period, which
	 * erasure's own check refuses), or {@code null} for unlimited
	 */
	public static @Nullable Duration of(Environment environment) {
		Binder binder = Binder.get(environment);
		if (!binder.bind(ENABLED, Boolean.class).orElse(false)) {
			return null;
		}
		Duration grace = binder.bind(GRACE_PERIOD, Duration.class).orElse(DEFAULT_GRACE_PERIOD);
		return grace.isNegative() ? Duration.ZERO : grace.dividedBy(2);
	}

}
