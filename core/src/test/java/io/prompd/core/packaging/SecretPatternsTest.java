package io.prompd.core.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretPatternsTest {

    /**
     * The password-in-a-URL pattern tried every length of a scheme before every character of every line, a millisecond
     * a line: a context file of 50,000 lines of links (4 MB) kept validate, pack and a registry's check busy for a
     * minute, which any author could make a registry's CI spend. Scanned in a second or so now; the bound is no speed
     * goal, only far below what such a file took.
     */
    @Test
    void aLargeFileOfLongLinesIsScannedInLinearTime() {
        String text = ("see https://example.com/?q=" + "aB3d".repeat(14) + "\n").repeat(50_000);

        List<SecretPatterns.Finding> found = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> SecretPatterns.find(text));

        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sk-abcdefghij0123456789",
            "sk-ant-api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z-AbCd12AA",
            "AKIAABCDEFGHIJKLMNOP",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            "ghu_abcdefghijklmnopqrstuvwxyz0123456789",
            "ghr_abcdefghijklmnopqrstuvwxyz0123456789",
            "github_pat_11ABCDEFG0123456789_abcdef",
            "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
            "password = pypi-AgEIcHlwaS5vcmcCJGE0ZjkxMzYxLTQ3NjgtNGQxZi1iMmE5LTVmODFmZmQxNWUyZQACKlszLCJmMjA",
            "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n",
            "-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: test\n\n"
                    + "lQOYBGV0ZXN0AQgAx2F8Lm0pQk3r9T1vW5yZbN7cJdE4sUoRiHgKaXjYqP\n",
            "STRIPE_SECRET_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "rk_live_51H8aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
            "SLACK_BOT_TOKEN=xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "xoxp-1234567890-1234567890-1234567890-0123456789abcdef0123456789abcdef",
            "xoxa-2-abcdefghijklmnopqrstuvwxyz0123456789",
            "key: AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B",
            "export AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B\"",
            "{\"aws_secret_access_key\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B\"}",
            "\"SecretAccessKey\": \"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbzq8Kd3Tm2B\"",
            "AWS_SECRET_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B'",
            "aws_secret_access_key = `wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B`",
            "| aws_secret_access_key | wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B |",
            "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B",
            "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B</SecretAccessKey>",
            "AWS secret access key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B",
            "{\"private_key\": \"-----BEGIN PRIVATE"
                    + " KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n\"}"})
    void eachKindIsFound(String secret) {
        assertEquals(1, SecretPatterns.find("before " + secret + " after").size());
    }

    /**
     * Documentation's placeholders and what only looks like a key: a run of one character (Slack's documented webhook
     * with one character changed is still its placeholder, as {@code ghp_xxxx…x1} is), words without digits, an
     * identifier, an example key that its vendor publishes (AWS's, the Azure storage emulator's), and a URL's password
     * that is a template, a variable, masked, made of the words documentation writes, or its user's name again.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "sk-short",
            "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "OPENAI_API_KEY=sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "sk-your-openai-api-key-goes-here",
            "ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxAA",
            "ANTHROPIC_API_KEY=sk-ant-api03-00000000000000000000000000000000-000000AA",
            "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX",
            "sk-000000000000000000000000",
            "task-abcdefghij0123456789",
            "XAKIAABCDEFGHIJKLMNOP",
            "unpm_abcdefghijklmnopqrstuvwxyz0123456789",
            "mask-proj-settings-for-everything-else",
            "load_github_pat_from_the_environment_variable",
            "AKIAabcdefghijklmnop",
            "AKIAABCDEFGHIJKLMNOPQ",
            "ghp_tooShort",
            "npm_install_the_package",
            "pypi-package",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN PGP PUBLIC KEY BLOCK-----",
            "-----BEGIN CERTIFICATE-----",
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "sk_live_short",
            "desk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "SLACK_BOT_TOKEN=xoxb-your-bot-token-here",
            "xoxb-...",
            "AIzaTooShort",
            "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "\"SecretAccessKey\": \"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\"",
            "AWS_SECRET_ACCESS_KEY=AbCdXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "AWS_SECRET_ACCESS_KEY=abcdefghijklmnopqrstuvwxyz0123456789abcd",
            "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B0",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Kd3Tm2B",
            "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx",
            "glpat-your-personal-access-token",
            "glpat-short1",
            "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "hf_tokenizer_config",
            "hf_hubdownloadandcacheeverymodelfile",
            "HF_TOKEN=hf_...",
            "ya29.your-access-token-goes-here",
            "ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "SG.your-api-key",
            "AccountKey=<your-account-key>",
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX1",
            "https://hooks.slack.com/services/YOUR/WEBHOOK/URL",
            "postgres://user:password@localhost:5432/db",
            "postgres://admin:<password>@db.example.com/prod",
            "postgres://admin:${PASS}@db.example.com/prod",
            "postgres://admin:$DB_PASSWORD@db.example.com/prod",
            "postgres://admin:{{ db_password }}@db.example.com/prod",
            "f\"postgres://{user}:{password}@{host}/db\"",
            "postgres://admin:%s@%s/prod",
            "postgres://admin:xxx@db.example.com/prod",
            "postgres://admin:***@db.example.com/prod",
            "postgres://admin:...@db.example.com/prod",
            "postgres://postgres:postgres@localhost/postgres",
            "docker run -e DATABASE_URL=postgres://postgres:mysecretpassword@db/app",
            "mysql://root:YOUR_PASSWORD_HERE@localhost",
            "https://deploy:secret@host/",
            "redis://:changeme@localhost:6379",
            "amqp://guest:guest@localhost:5672/",
            "https://user:pass123@example.com",
            "https://example.com:8443/path",
            "see https://alice@example.com/ and http://host:80/",
            "ssh://git@github.com:org/repo.git"})
    void lookalikesThatAreNoCredentialsAreNotFound(String text) {
        assertTrue(SecretPatterns.find(text).isEmpty(), () -> SecretPatterns.find(text).toString());
    }

    /**
     * GitLab, Hugging Face, Google OAuth, SendGrid, Azure storage and Slack webhook credentials, and a password in a
     * URL of any scheme, were found by no pattern: each is named by its kind, an error.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GITLAB_TOKEN=glpat-Xk3m9Qp2Lr7Vt5Nw8Yz1 | a GitLab personal access token (glpat-...)",
            "glpat-aB3dE5gH7jK9mN1pQ3sT5vX7yZ0_-Q.01.1a2b3c4d5 | a GitLab personal access token (glpat-...)",
            "HF_TOKEN=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 | a Hugging Face token (hf_...)",
            "hf_QkPmXrLvTnWyZsJdFgHbNcMaKeRuIoEp | a Hugging Face token (hf_...)",
            "Authorization: Bearer ya29.a0AfH6SMBx3kQ9vLr2Tn7Wq1Yz5Pc8Fd4Gh6Jk0"
                    + " | a Google OAuth access token (ya29....)",
            "SENDGRID_API_KEY=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"
                    + " | a SendGrid API key (SG....)",
            "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=pU3KGCUwux1tEyze1iN7LtkeP3IfyxlxF0SU1kk8nVw0YL"
                    + "4xIB5p/tqg7ui5mX9cfCmZ/a/lkyU81lSvTfrXFA==;EndpointSuffix=core.windows.net"
                    + " | an Azure storage account key (AccountKey=...)",
            "https://hooks.slack.com/services/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"
                    + " | a Slack webhook URL (hooks.slack.com/services/...)",
            "db: postgres://admin:S3cr3tPassw0rd@db.internal.example.com:5432/prod"
                    + " | a password in a URL (scheme://user:password@host)",
            "REDIS_URL=redis://:Xk29fj2kdLq@cache.example.com:6379 | a password in a URL (scheme://user:password@host)",
            "amqp://app:Passw0rd!@rabbit.internal/vhost | a password in a URL (scheme://user:password@host)",
            "mongodb+srv://svc:q%40Zr7%21kP@cluster0.abcde.mongodb.net/"
                    + " | a password in a URL (scheme://user:password@host)",
            "git clone https://x-access-token:t0ken@g.acme.test/r.git"
                    + " | a password in a URL (scheme://user:password@host)"})
    void moreKindsAreFoundAndNamed(String text, String description) {
        List<SecretPatterns.Finding> found = SecretPatterns.find(text);
        assertEquals(List.of(description), found.stream().map(SecretPatterns.Finding::description).toList());
        assertEquals(Severity.ERROR, found.get(0).severity());
    }

    /**
     * A JSON Web Token is a warning: documentation shows real-looking ones (jwt.io's), and one may have expired, which
     * a reviewer tells; an unsigned one, or one whose parts are no JSON, is none.
     */
    @Test
    void aJsonWebTokenIsAWarning() {
        List<SecretPatterns.Finding> found = SecretPatterns.find("token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
                + ".eyJzdWIiOiJhZG1pbiIsImlhdCI6MTUxNjIzOTAyMn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

        assertEquals(1, found.size());
        assertEquals("a JSON Web Token (eyJ....eyJ....)", found.get(0).description());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertTrue(SecretPatterns.find("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.").isEmpty());
        assertTrue(SecretPatterns.find("eyJhbGciOiJIUzI1NiJ9.payload.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV").isEmpty());
    }

    /** A password in a URL is cut from its user on, so that the scheme and the host stay readable. */
    @Test
    void aMaskedUrlKeepsItsSchemeAndHost() {
        assertEquals("db: postgres://admi…@db.internal.example.com:5432/prod",
                SecretPatterns.masked("db: postgres://admin:S3cr3tPassw0rd@db.internal.example.com:5432/prod"));
    }

    /** Anthropic's keys start with sk- too, but are no OpenAI key: each is named by its kind. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ANTHROPIC_API_KEY=sk-ant-api03-iF4j5geQigoa_YH78iwga-fpQBoYzusVoLVQlKDBUhhBdOETmBdNO0CcV7husyVFlkjpvgMQwR"
                    + "J42GWVtf-CJvEzuU8N-AA | an Anthropic API key (sk-ant-...)",
            "sk-ant-admin01-Zq8xT2mWc7Lr9Kp4Vb6Nd1Hs3Jf5Gt0Ye | an Anthropic API key (sk-ant-...)",
            "OPENAI_API_KEY=sk-proj-A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5 | an OpenAI-style API key (sk-...)",
            "sk-abcdefghij0123456789 | an OpenAI-style API key (sk-...)"})
    void anSkKeyIsNamedByItsKind(String text, String description) {
        assertEquals(List.of(description), SecretPatterns.find(text).stream()
                .map(SecretPatterns.Finding::description).toList());
    }

    /**
     * A key's pattern goes on over letters, '-' and '_', so a run written right after a key is part of the match: it
     * makes no placeholder of the key before it, whose random part is mostly no run.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "ANTHROPIC_API_KEY=sk-ant-api03-odJFCrnl2edlBDdz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6UuVTAIjvFu7W"
                    + "ICPhDeOZIiBOB_Y6sHrFH2ZUCr_lAAAAAAAAAA",
            "OPENAI_API_KEY=sk-proj-gotu2iXW7GboIRoL3u6aHwnMztVuaP-coUNEhEkk-iqq8vH2BzNZV45pFCiR________",
            "github_pat_11ABCDEFG0123456789_abcdef________",
            "ghp_xxxxxxxxijklmnopqrstuvwxyz0123456789"})
    void aKeyWithARunOfOneCharacterIsFoundWhereTheRunIsNotMostOfIt(String text) {
        assertEquals(1, SecretPatterns.find(text).size(), text);
    }

    /**
     * What find passes as a placeholder a masked text keeps as written; each key in it is cut short, a key holding
     * one of another kind ({@code AIza…} in an {@code sk-proj-} key) as one.
     */
    @Test
    void aMaskedTextCutsWhatFindFindsAndNoPlaceholder() {
        String placeholder = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        String key = "sk-proj-gotu2iXW7GboIRoL3u6aHwnMztVuaP-coUNEhEkk-iqq8vH2BzNZV45pFCiR________";
        String keyInKey = "sk-proj-abc123AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
        String text = "token: " + placeholder + ", keys: " + key + ", " + keyInKey + "\nAKIAABCDEFGHIJKLMNOP";

        assertEquals("token: " + placeholder + ", keys: sk-p…, sk-p…\nAKIA…", SecretPatterns.masked(text));
    }

    /** A placeholder before a key on its line hides nothing: the key is found. */
    @Test
    void aKeyAfterAPlaceholderOnItsLineIsFound() {
        List<SecretPatterns.Finding> found = SecretPatterns.find("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx or"
                + " ghp_abcdefghijklmnopqrstuvwxyz0123456789");

        assertEquals(1, found.size());
        assertEquals(44, found.get(0).start());
    }

    /** In binary data the byte before a key is any byte: a Latin-1 letter, another letter, an underscore. */
    @ParameterizedTest
    @ValueSource(strings = {
            "x\u0000\u00FFsk-proj-A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5",
            "key=_sk-proj-A1b2C3d4E5A1b2C3d4E5A1b2C3d4E5",
            "x\u0000Zghp_aBcDaBcDaBcDaBcDaBcDaBcDaBcDaBcDaBcD",
            "\u00E9AKIAIOSFODNN7EXAMPLF\u00E9",
            "STRIPE_sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "x\u0000zAIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
            "x\u0000_pypi-AgEIcHlwaS5vcmcCJGE0ZjkxMzYxLTQ3NjgtNGQxZi1iMmE5LTVmODFmZmQxNWUyZQACKlszLCJmMjA"})
    void aKeyWithADistinctivePrefixIsFoundRightAfterALetterOrAnUnderscore(String text) {
        assertEquals(1, SecretPatterns.find(text).size(), text);
    }

    /** Documentation names the headers, the registry's own README among it; a key follows its header with material. */
    @ParameterizedTest
    @ValueSource(strings = {
            "blocks (`-----BEGIN ... PRIVATE KEY-----`, PGP's `-----BEGIN PGP PRIVATE KEY BLOCK-----`),"
                    + " searched in a file",
            "-----BEGIN RSA PRIVATE KEY-----\n(the key, base64, goes here)\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN OPENSSH PRIVATE KEY-----\n\n\n\n\n\n"
                    + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n",
            "-----BEGIN PRIVATE KEY-----\nsee src/main/java/io/prompd/core/packaging/SecretPatterns\n"})
    void aPrivateKeyHeaderWithoutKeyMaterialSoonAfterIsNotFound(String text) {
        assertTrue(SecretPatterns.find(text).isEmpty(), () -> SecretPatterns.find(text).toString());
    }

    @Test
    void findingsCarryTheirLines() {
        List<SecretPatterns.Finding> found = SecretPatterns.find("a\nAKIAABCDEFGHIJKLMNOP\nb\n"
                + "sk-abcdefghij0123456789xyz\n");

        assertEquals(List.of(2, 4), found.stream().map(SecretPatterns.Finding::line).toList());
    }
}
