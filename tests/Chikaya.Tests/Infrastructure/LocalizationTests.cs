using System.Text.RegularExpressions;
using Chikaya.Domain.Administrations;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Infrastructure.Localization;
using Chikaya.Web.Infrastructure.Security;

namespace Chikaya.Tests.Infrastructure;

public sealed partial class LocalizationTests(ChikayaApp app)
{
    private static readonly PoStringLocalizerFactory Catalogs = new();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chikaya.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Chikaya.slnx not found above the test folder.");
    }

    public static TheoryData<string> TextsInTheCode()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        var keys = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerCall().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        return new TheoryData<string>(keys.Order());
    }

    /// <summary>Rule and error codes: thrown or returned as literals, shown through the localizer later.</summary>
    public static TheoryData<string> RuleCodes()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        var codes = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains("Migrations", StringComparison.Ordinal))
            .SelectMany(f => RuleCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        return new TheoryData<string>(codes.Order());
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Every_rule_code_has_a_message_in_both_languages(string code)
    {
        Assert.NotNull(Catalogs.Catalogs["fr"].Get(code));
        Assert.NotNull(Catalogs.Catalogs["ar"].Get(code));
    }

    public static TheoryData<string> KeysBuiltAtRunTime() => new(
        Enum.GetValues<ComplaintStatus>().Select(s => s.Key())
            .Concat(Enum.GetValues<Channel>().Select(c => c.Key()))
            .Concat(Enum.GetValues<SubmissionKind>().Select(k => k.Key()))
            .Concat(Enum.GetValues<ComplaintEventType>().Select(e => "event." + e.ToString().ToLowerInvariant()))
            .Concat(Enum.GetValues<DeadlineState>().Select(d => d.Key()))
            .Concat(Enum.GetValues<AdministrationKind>().Select(Administration.KindKey))
            .Concat(Roles.All.Select(Roles.Key))
            .Concat(new[] { 400, 401, 403, 404, 405, 409, 413, 415, 500 }.Select(status => $"http.{status}"))
            .Concat(new[] { "decision", "answer" }.Select(d => "deadline-kind." + d))
            .Concat(Chikaya.Web.Features.Dashboard.DashboardQuery.ChannelGroups.Select(g => "channel-group." + g))
            .Concat(Chikaya.Web.Features.Notifications.DefaultTemplates.Keys.Select(k => "template." + k)));

    [Theory]
    [MemberData(nameof(TextsInTheCode))]
    public void Every_text_of_the_code_is_translated_into_Arabic(string key)
    {
        Assert.NotNull(Catalogs.Catalogs["ar"].Get(key));
        if (CodeKey().IsMatch(key)) Assert.NotNull(Catalogs.Catalogs["fr"].Get(key));
    }

    [Theory]
    [MemberData(nameof(KeysBuiltAtRunTime))]
    public void Every_status_channel_kind_and_role_has_a_name_in_both_languages(string key)
    {
        Assert.NotNull(Catalogs.Catalogs["fr"].Get(key));
        Assert.NotNull(Catalogs.Catalogs["ar"].Get(key));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(10, 3)]
    [InlineData(11, 4)]
    [InlineData(99, 4)]
    [InlineData(100, 5)]
    [InlineData(103, 3)]
    public void Arabic_counts_choose_among_six_plural_forms(int count, int form) =>
        Assert.Equal(form, PluralRules.Arabic(count));

    [Fact]
    public void A_PO_file_entry_with_plural_forms_escapes_and_continuation_lines_is_read()
    {
        var catalog = new PoCatalog("ar", PluralRules.Arabic);
        catalog.Load(new StringReader("""
            msgid ""
            msgstr "Language: ar\n"

            # a comment
            msgid "{0} réclamation"
            msgid_plural "{0} réclamations"
            msgstr[0] "لا شكاية"
            msgstr[1] "شكاية واحدة"
            msgstr[2] "شكايتان"
            msgstr[3] "{0} شكايات"
            msgstr[4] "{0} شكاية"
            msgstr[5] "{0} شكاية"

            msgid "Dites \"bonjour\""
            msgstr ""
            "قولوا "
            "\"مرحبا\""
            """));

        Assert.Equal("شكايتان", catalog.GetPlural("{0} réclamation", 2));
        Assert.Equal("{0} شكايات", catalog.GetPlural("{0} réclamation", 5));
        Assert.Equal("قولوا \"مرحبا\"", catalog.Get("Dites \"bonjour\""));
        Assert.Null(catalog.Get(""));
    }

    [Fact]
    public async Task The_language_choice_sticks_and_cannot_redirect_elsewhere()
    {
        var browser = app.NewBrowser();

        var arabic = await browser.GetAsync("/language/ar-MA?returnUrl=%2Ftrack");
        var next = await browser.GetAsync("/");
        await browser.GetAsync("/language/fr-MA?returnUrl=%2F%2Fevil.example");

        Assert.Equal("/track", browser.LastUrl is null ? null : new Uri(arabic.Url).AbsolutePath);
        Assert.Equal("ar", next.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", next.DocumentElement.GetAttribute("dir"));
        Assert.Equal("localhost", browser.LastUrl!.Host);
        Assert.Equal("/", browser.LastUrl.AbsolutePath);
    }

    [GeneratedRegex("""\b[Tt]\[\s*"((?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex("""
        "((?:complaint|attachment|request|idempotency|track|account|admin|backoffice|server|import|open311|partner)\.[a-z\-.]+)"
        """)]
    private static partial Regex RuleCode();

    [GeneratedRegex(@"^[a-z0-9\-]+(\.[a-zA-Z0-9\-]+)+$")]
    private static partial Regex CodeKey();
}
