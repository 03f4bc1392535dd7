/**
 * Spring AI integration: offloads the media of prompts and responses (images, documents,
 * audio) to storage through the {@link io.github.blobupload.BlobUploaderRegistry} and
 * records their URIs on the model's span in place of the bytes.
 * <p>
 * {@link io.github.blobupload.ai.BlobOffloadAdvisor} covers {@code ChatClient} calls;
 * {@link io.github.blobupload.ai.BlobOffloadObservationFilter} covers the model
 * observations ({@code ChatModel}, {@code ImageModel}), also when they are called
 * directly, and writes the span attributes. Both go through one
 * {@link io.github.blobupload.ai.MediaOffloader}, which uploads each piece of media once.
 */
@NullMarked
package io.github.blobupload.ai;

import org.jspecify.annotations.NullMarked;
