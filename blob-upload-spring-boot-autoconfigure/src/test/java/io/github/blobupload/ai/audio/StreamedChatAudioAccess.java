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

package io.github.blobupload.ai.audio;

import java.util.Map;

/**
 * Lets tests of other packages see what a {@link StreamedChatAudio} holds, as the
 * observation filter takes it.
 */
public final class StreamedChatAudioAccess {

	private StreamedChatAudioAccess() {
	}

	/**
	 * Takes the audio of one choice of a completion.
	 * @param audio the registry
	 * @param id the completion's id
	 * @param choice the choice's index
	 * @return the bytes assembled, or {@code null} when none are held
	 */
	public static byte[] take(StreamedChatAudio audio, String id, int choice) {
		Map<Integer, BoundedAudioBuffer> choices = audio.take(id);
		BoundedAudioBuffer assembled = choices.get(choice);
		return (assembled != null) ? assembled.bytes() : null;
	}

}
