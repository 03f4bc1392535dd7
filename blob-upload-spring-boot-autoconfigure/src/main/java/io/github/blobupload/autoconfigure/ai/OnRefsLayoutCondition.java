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

package io.github.blobupload.autoconfigure.ai;

import java.util.Set;

import io.github.blobupload.ai.AttributeLayout;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code blob.upload.ai.layouts} names the {@code refs} layout.
 */
class OnRefsLayoutCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean refs = Binder.get(context.getEnvironment())
			.bind("blob.upload.ai.layouts", Bindable.setOf(AttributeLayout.class))
			.map((layouts) -> layouts.contains(AttributeLayout.REFS))
			.orElse(false);
		return refs ? ConditionOutcome.match("blob.upload.ai.layouts names refs")
				: ConditionOutcome.noMatch("blob.upload.ai.layouts does not name refs");
	}

}
