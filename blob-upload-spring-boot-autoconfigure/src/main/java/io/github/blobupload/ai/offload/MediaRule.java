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

package io.github.blobupload.ai.offload;

import java.util.List;
import java.util.Locale;

import io.github.blobupload.ai.MediaFilter;
import org.jspecify.annotations.Nullable;

/**
 * One include or exclude rule of media, written {@code <direction>.<modality>}: direction
 * {@code input}, {@code output} or {@code *}; modality {@code image}, {@code audio},
 * {@code video}, {@code document} or {@code *}. For example {@code input.image},
 * {@code output.audio}, {@code *.audio}.
 */
final class MediaRule {

	private static final List<String> DIRECTIONS = List.of("input", "output", "*");

	private static final List<String> MODALITIES = List.of("image", "audio", "video", "document", "*");

	private final MediaFilter.@Nullable Direction direction;

	private final @Nullable String modality;

	private MediaRule(MediaFilter.@Nullable Direction direction, @Nullable String modality) {
		this.direction = direction;
		this.modality = modality;
	}

	/**
	 * Parses a rule.
	 * @param text the rule, such as {@code input.image} or {@code *.audio}
	 * @return the rule
	 * @throws IllegalArgumentException when it is not of the form
	 * {@code <direction>.<modality>}
	 */
	static MediaRule parse(@Nullable String text) {
		String rule = (text != null) ? text.trim().toLowerCase(Locale.ROOT) : "";
		int dot = rule.indexOf('.');
		String direction = (dot > 0) ? rule.substring(0, dot) : "";
		String modality = (dot > 0) ? rule.substring(dot + 1) : "";
		if (!DIRECTIONS.contains(direction) || !MODALITIES.contains(modality)) {
			throw new IllegalArgumentException(
					"rule must be <direction>.<modality>, with direction one of " + DIRECTIONS + " and modality one of "
							+ MODALITIES + ", such as input.image or *.audio, but was '" + text + "'");
		}
		MediaFilter.Direction parsed = direction.equals("*") ? null
				: MediaFilter.Direction.valueOf(direction.toUpperCase(Locale.ROOT));
		return new MediaRule(parsed, modality.equals("*") ? null : modality);
	}

	/**
	 * Returns whether media of this direction and modality matches.
	 * @param direction the media's direction
	 * @param modality the media's modality
	 * @return whether it matches
	 */
	boolean matches(MediaFilter.Direction direction, String modality) {
		return (this.direction == null || this.direction == direction)
				&& (this.modality == null || this.modality.equals(modality));
	}

}
