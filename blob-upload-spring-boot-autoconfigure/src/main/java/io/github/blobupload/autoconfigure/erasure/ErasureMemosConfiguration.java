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

package io.github.blobupload.autoconfigure.erasure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.erasure.ErasureListener;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.retention.BlobRetention;
import io.github.blobupload.viewer.StoreTraceIndex;
import io.github.blobupload.viewer.TraceIndexWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The memos that forget erased content: each feature that remembers stored content, told
 * by every erasure through an {@link ErasureListener} of its own. Each listener finds its
 * memo when an erasure runs (the beans are defined by auto-configurations that may come
 * after this one), and does nothing when the memo is absent.
 * <p>
 * The lifetime of the memos that let an upload be skipped (half the grace period) is set
 * where they are built, by
 * {@link io.github.blobupload.autoconfigure.ErasureMemoLifetime}.
 */
@Configuration(proxyBeanMethods = false)
class ErasureMemosConfiguration {

	/**
	 * The upload engines of the registry and of the viewer's trace index: before an
	 * erasure they drop the blobs of the selected content still waiting (queued,
	 * retrying, parked, spooled); after it they forget the deleted objects, so that the
	 * same content given again is uploaded again.
	 * @param registries the registry
	 * @param indexWriters the viewer's trace-index writer, if the viewer is on
	 * @return the listener
	 */
	@Bean
	ErasureListener blobUploadEnginesErasureListener(ObjectProvider<BlobUploaderRegistry> registries,
			ObjectProvider<TraceIndexWriter> indexWriters) {
		return new MemoErasureListener("upload engines",
				(selected) -> engines(registries, indexWriters).forEach((engine) -> engine.dropWaitingBlobs(selected)),
				(deleted, traces) -> engines(registries, indexWriters).forEach((engine) -> engine.forget(deleted)));
	}

	/**
	 * Retention's memo of recent writes and refreshes: an erased object re-used later is
	 * refreshed (or written again), not taken for a recent one.
	 * @param retention the retention, if one is configured
	 * @return the listener
	 */
	@Bean
	ErasureListener blobRetentionErasureListener(ObjectProvider<BlobRetention> retention) {
		return MemoErasureListener.forgetting("retention memo",
				(deleted, traces) -> retention.orderedStream().forEach((memo) -> memo.forget(deleted)));
	}

	/**
	 * The viewer's cache of trace-index entries: the erased traces' pages read the index
	 * again.
	 * @param indexes the viewer's trace index, if the viewer is on
	 * @return the listener
	 */
	@Bean
	ErasureListener blobTraceIndexErasureListener(ObjectProvider<StoreTraceIndex> indexes) {
		return MemoErasureListener.forgetting("viewer's trace index",
				(deleted, traces) -> indexes.orderedStream().forEach((index) -> index.forget(traces)));
	}

	/**
	 * The storage providers, such as Google Cloud Storage's, whose uploaders reuse a
	 * signed URL per object: an erased object is signed anew.
	 * @param providers the storage providers
	 * @return the listener
	 */
	@Bean
	ErasureListener blobStorageProvidersErasureListener(ObjectProvider<BlobStorageProvider> providers) {
		return MemoErasureListener.forgetting("storage providers",
				(deleted, traces) -> providers.orderedStream().forEach((provider) -> provider.forget(deleted)));
	}

	/**
	 * Engines reachable through the registry's destinations and the trace-index writer,
	 * each once.
	 */
	private static List<AsyncBlobUploader> engines(ObjectProvider<BlobUploaderRegistry> registries,
			ObjectProvider<TraceIndexWriter> indexWriters) {
		Set<AsyncBlobUploader> engines = Collections.newSetFromMap(new IdentityHashMap<>());
		List<TraceIndexWriter> writers = indexWriters.orderedStream().toList();
		registries.orderedStream().forEach((registry) -> {
			for (BlobDestination destination : registry.destinations()) {
				if (destination.uploader() instanceof AsyncBlobUploader engine) {
					engines.add(engine);
				}
				for (TraceIndexWriter writer : writers) {
					if (writer.engine(destination.useCase()) instanceof AsyncBlobUploader engine) {
						engines.add(engine);
					}
				}
			}
		});
		return List.copyOf(engines);
	}

	/**
	 * The Spring AI offloader's memo of media it saw: media whose object was erased is
	 * uploaded again when a conversation sends it again.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.ai.content.Media")
	static class SpringAiMemosConfiguration {

		@Bean
		ErasureListener blobMediaOffloaderErasureListener(ObjectProvider<MediaOffloader> offloaders) {
			return MemoErasureListener.forgetting("Spring AI media offloader",
					(deleted, traces) -> offloaders.orderedStream().forEach((offloader) -> offloader.forget(deleted)));
		}

	}

}
