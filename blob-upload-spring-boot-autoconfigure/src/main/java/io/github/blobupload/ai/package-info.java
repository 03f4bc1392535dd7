/**
 * Spring AI integration: offloads the media of prompts and responses (images, documents,
 * audio) to storage through the {@link io.github.blobupload.BlobUploaderRegistry} and
 * records their URIs on the model's span in place of the bytes.
 * <p>
 * {@link io.github.blobupload.ai.BlobOffloadAdvisor} covers {@code ChatClient} calls;
 * {@link io.github.blobupload.ai.BlobOffloadObservationFilter} covers the model
 * observations ({@code ChatModel}, {@code ImageModel}), also when they are called
 * directly, and writes the span attributes. Both walk messages with one
 * {@link io.github.blobupload.ai.MediaWalker} and go through one
 * {@link io.github.blobupload.ai.MediaOffloader}, which uploads each piece of media once.
 * {@link io.github.blobupload.ai.OffloadingTextToSpeechModel} and
 * {@link io.github.blobupload.ai.OffloadingTranscriptionModel} wrap the audio models,
 * which Spring AI does not observe, in a {@code blob.upload.audio} observation.
 */
@NullMarked
package io.github.blobupload.ai;

import org.jspecify.annotations.NullMarked;
