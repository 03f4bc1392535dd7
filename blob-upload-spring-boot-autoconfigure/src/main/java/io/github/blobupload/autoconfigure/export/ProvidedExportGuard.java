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

package io.github.blobupload.autoconfigure.export;

import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link ExportGuard} bean, looked up when first used rather than when
 * the exporters are wrapped, which may be before the guard's own dependencies exist.
 */
final class ProvidedExportGuard implements ExportGuard {

	private final ObjectProvider<ExportGuard> provider;

	private volatile @Nullable ExportGuard guard;

	ProvidedExportGuard(ObjectProvider<ExportGuard> provider) {
		this.provider = provider;
	}

	@Override
	public String guard(String key, String value, ExportContext context) {
		return guard().guard(key, value, context);
	}

	@Override
	public void itemExamined(ExportContext context) {
		guard().itemExamined(context);
	}

	private ExportGuard guard() {
		ExportGuard guard = this.guard;
		if (guard == null) {
			guard = this.provider.getObject();
			this.guard = guard;
		}
		return guard;
	}

	@Override
	public String toString() {
		ExportGuard guard = this.guard;
		return (guard != null) ? guard.toString() : "ExportGuard (not yet looked up)";
	}

}
