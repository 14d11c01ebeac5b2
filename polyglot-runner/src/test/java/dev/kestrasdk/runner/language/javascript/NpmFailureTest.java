package dev.kestrasdk.runner.language.javascript;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one line a failed npm install gives, from npm's own output (as npm 11.19 printed it for these cases). */
class NpmFailureTest {
    @Test
    void aMissingPackageIsNpmsCodeAndTheRequestThatFailed() {
        assertEquals("npm install failed (exit 1): E404 404 Not Found - GET https://registry.npmjs.org/kestra-sdk-never-installed-x",
                NpmFailure.describe(1, List.of(
                        "npm error code E404",
                        "npm error 404 Not Found - GET https://registry.npmjs.org/kestra-sdk-never-installed-x",
                        "npm error 404",
                        "npm error 404  The requested resource 'kestra-sdk-never-installed-x@latest' could not be found or you do not have permission to access it.",
                        "npm error 404",
                        "npm error A complete log of this run can be found in: /root/.npm/_logs/2026-11-30T21_38_36_997Z-debug-0.log")));
    }

    @Test
    void aVersionThatDoesNotExistNamesThePackageAndRange() {
        assertEquals("npm install failed (exit 1): ETARGET notarget No matching version found for lodash@^99.",
                NpmFailure.describe(1, List.of(
                        "npm error code ETARGET",
                        "npm error notarget No matching version found for lodash@^99.",
                        "npm error notarget In most cases you or one of your dependencies are requesting a package version that doesn't exist.",
                        "npm error A complete log of this run can be found in: /root/.npm/_logs/2026-11-30T21_38_41_292Z-debug-0.log")));
    }

    @Test
    void aRegistryOutOfReachSaysTheFirstRunNeedsIt() {
        assertEquals("npm could not reach the registry (ECONNREFUSED), and the runner's cache has no install of these"
                        + " packages yet (the first run of a package set needs the registry; later runs are offline): FetchError:"
                        + " request to http://127.0.0.1:1/kestra-sdk-offline-x failed, reason: connect ECONNREFUSED 127.0.0.1:1",
                NpmFailure.describe(1, List.of(
                        "npm error code ECONNREFUSED",
                        "npm error syscall connect",
                        "npm error errno ECONNREFUSED",
                        "npm error FetchError: request to http://127.0.0.1:1/kestra-sdk-offline-x failed, reason: connect ECONNREFUSED 127.0.0.1:1",
                        "npm error     at ClientRequest.<anonymous> (/usr/lib/node_modules/npm/node_modules/minipass-fetch/lib/index.js:130:14)",
                        "npm error   code: 'ECONNREFUSED',",
                        "npm error",
                        "npm error A complete log of this run can be found in: /root/.npm/_logs/2026-11-30T21_38_44_925Z-debug-0.log")));
    }

    @Test
    void olderNpmsPrefixAndNoOutputAtAll() {
        assertEquals("npm install failed (exit 1): ETARGET notarget No matching version found for left-pad@9.",
                NpmFailure.describe(1, List.of("npm ERR! code ETARGET", "npm ERR! notarget No matching version found for left-pad@9.")));
        assertEquals("npm install failed (exit 254): npm gave no reason", NpmFailure.describe(254, List.of()));
    }
}
