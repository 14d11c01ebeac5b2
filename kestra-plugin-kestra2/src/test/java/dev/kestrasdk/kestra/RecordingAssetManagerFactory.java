package dev.kestrasdk.kestra;

import io.kestra.core.assets.AssetManagerFactory;
import io.kestra.core.runners.AssetEmit;
import io.kestra.core.runners.AssetEmitter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * An asset emitter that keeps what a task run emits, as Kestra's Enterprise Edition supplies one: Kestra 2.0.0's
 * open-source {@link AssetManagerFactory} hands every run context an emitter that refuses each emission, so without
 * this bean no asset ever reaches a task run. Kestra's worker reads {@link AssetEmitter#emitted()} when the task
 * ends and keeps it on the task run ({@code TaskRun.assetEmits}); this class does nothing else. Only in the
 * {@value #ENVIRONMENT} environment ({@code AssetsKestra2Test}).
 */
@Singleton
@Replaces(AssetManagerFactory.class)
@Requires(env = RecordingAssetManagerFactory.ENVIRONMENT)
public class RecordingAssetManagerFactory extends AssetManagerFactory {
    static final String ENVIRONMENT = "assets-recorded";

    @Override
    public AssetEmitter of(boolean enabled) {
        List<AssetEmit> emitted = new ArrayList<>();
        return new AssetEmitter() {
            @Override
            public synchronized void emit(AssetEmit assetEmit) {
                emitted.add(assetEmit);
            }

            @Override
            public synchronized List<AssetEmit> emitted() {
                return List.copyOf(emitted);
            }
        };
    }
}
