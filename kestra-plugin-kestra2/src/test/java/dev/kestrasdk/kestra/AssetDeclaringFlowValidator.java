package dev.kestrasdk.kestra;

import io.kestra.core.models.flows.Flow;
import io.kestra.core.validations.validator.FlowValidator;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Kestra's flow validator, except that a task may declare {@code assets}, as in the Enterprise Edition (whose build
 * overrides the same method): Kestra 2.0.0's open-source validator refuses any task with an {@code assets}
 * declaration ("assets are only available in Enterprise Edition"), and its worker keeps emitted assets only for a task
 * that has one. Only beside {@link RecordingAssetManagerFactory}, in its environment.
 */
@Singleton
@Replaces(FlowValidator.class)
@Requires(env = RecordingAssetManagerFactory.ENVIRONMENT)
public class AssetDeclaringFlowValidator extends FlowValidator {
    @Override
    protected List<String> EEViolations(Flow flow) {
        return super.EEViolations(flow).stream().filter(v -> !v.contains("can't have any `assets`")).toList();
    }
}
