using System.Net.Http.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Jobs;
using Chikaya.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chikaya.Tests.Features;

/// <summary>A platform of its own with a real SMTP server on loopback and a clock the tests move.</summary>
public sealed class MailingApp : IAsyncLifetime
{
    public SmtpSink Smtp { get; } = new();
    public HttpInbox Sms { get; } = new();
    public ChikayaApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Smtp.StartAsync();
        App = new ChikayaApp(demoComplaints: 0)
        {
            Settings = new()
            {
                ["Chikaya:Notifications:Smtp:Host"] = "127.0.0.1",
                ["Chikaya:Notifications:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Chikaya:Notifications:PublicUrl"] = "https://chikaya.example.ma",
                ["Chikaya:Deadlines:Overrides:0:Theme"] = "cleanliness",
                ["Chikaya:Deadlines:Overrides:0:Answer"] = "48h",
                ["Chikaya:Deadlines:Overrides:1:Theme"] = "civil-registry",
                ["Chikaya:Deadlines:Overrides:1:Decision"] = "5wd",
                ["Chikaya:Deadlines:PauseWhileAwaitingInformation"] = "true",
                ["Chikaya:Notifications:Sms:Url"] = Sms.Url,
                ["Chikaya:Notifications:Sms:ApiKey"] = "sms-key",
            },
        };
        await App.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
        Sms.Dispose();
    }
}

public sealed class NotificationTests(MailingApp fixture) : IClassFixture<MailingApp>
{
    private ChikayaApp App => fixture.App;
    private SmtpSink Smtp => fixture.Smtp;

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@example.ma";

    [Fact]
    public async Task The_citizen_receives_the_receipt_by_e_mail_in_their_language_with_the_tracking_link()
    {
        var email = Unique("salma");
        using var client = App.NewApiClient();
        await client.PostAsJsonAsync("/api/v1/complaints", new
        {
            themeId = await App.ThemeIdAsync("roads"), territoryCode = "A-ANFA", subject = "حفرة خطيرة", description = "حفرة كبيرة في الطريق",
            contactEmail = email, language = "ar",
        });

        await App.RunJobsAsync();

        var mail = Assert.Single(Smtp.To(email));
        Assert.Contains("تم تسجيل طلبكم", mail.Subject);
        Assert.Contains("https://chikaya.example.ma/track/CH-", mail.TextBody);
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody);
    }

    [Fact]
    public async Task A_backlog_of_several_hundred_messages_leaves_in_one_run()
    {
        // a burst of filings, or a night with the mail server down: far more than one batch is due at once
        var batch = Guid.NewGuid().ToString("N")[..8];
        await AddMessagesAsync(App, Enumerable.Range(0, 250).Select(i => $"backlog.{batch}.{i}@example.ma"));

        await App.RunJobsAsync();

        await using var after = App.Database();
        Assert.Equal(250, await after.Outbox.CountAsync(m => m.Recipient.StartsWith($"backlog.{batch}.") && m.SentUtc != null));
        Assert.Equal(250, Smtp.Messages().Count(m => m.To.Mailboxes.Any(a => a.Address.StartsWith($"backlog.{batch}.", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task With_the_mail_server_down_a_run_stops_trying_after_a_few_failures_instead_of_costing_every_message_an_attempt()
    {
        // a platform of its own: what this test leaves waiting must not weigh on the others' runs
        await using var own = new MailingApp();
        await own.InitializeAsync();
        await own.App.RunJobsAsync();
        await own.Smtp.StopAsync();
        await AddMessagesAsync(own.App, Enumerable.Range(0, 20).Select(i => $"down.{i}@example.ma"));

        await own.App.RunJobsAsync();

        await using var db = own.App.Database();
        var attempts = await db.Outbox.Where(m => m.Recipient.StartsWith("down.")).Select(m => m.Attempts).ToListAsync();
        Assert.Equal(OutboxDispatchJob.FailuresBeforePause, attempts.Count(a => a == 1));
        Assert.Equal(20 - OutboxDispatchJob.FailuresBeforePause, attempts.Count(a => a == 0));
    }

    [Fact]
    public async Task Messages_refused_for_their_own_address_do_not_hold_back_the_others()
    {
        await using var own = new MailingApp();
        await own.InitializeAsync();
        await own.App.RunJobsAsync();
        // first in line: more malformed addresses than the failures that would pause the channel
        await AddMessagesAsync(own.App, Enumerable.Range(0, OutboxDispatchJob.FailuresBeforePause * 2).Select(_ => "@@"));
        own.App.Clock.Advance(TimeSpan.FromSeconds(1));
        await AddMessagesAsync(own.App, ["bien.arrive@example.ma"]);

        await own.App.RunJobsAsync();

        Assert.Single(own.Smtp.To("bien.arrive@example.ma"));
        await using var db = own.App.Database();
        Assert.All(await db.Outbox.Where(m => m.Recipient == "@@").ToListAsync(), m => Assert.Equal((1, false), (m.Attempts, m.LastError is null)));
    }

    private static async Task AddMessagesAsync(ChikayaApp app, IEnumerable<string> recipients)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = app.Database();
        db.Outbox.AddRange(recipients.Select(recipient => new OutboxMessage
        {
            Channel = MessageChannel.Email, Recipient = recipient, Subject = "Accusé", Body = "Votre réclamation est enregistrée.",
            CreatedUtc = now, NextAttemptUtc = now,
        }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_citizen_who_gave_a_phone_number_also_gets_an_SMS_through_the_provider()
    {
        using var client = App.NewApiClient();
        await client.PostAsJsonAsync("/api/v1/complaints", new
        {
            themeId = await App.ThemeIdAsync("roads"), territoryCode = "A-ANFA", subject = "Trou", description = "Grand trou",
            contactPhone = "06 61 23 45 67",
        });

        await App.RunJobsAsync();

        var sms = fixture.Sms.Received.Select(r => (r.Authorization, Json: System.Text.Json.JsonDocument.Parse(r.Body).RootElement))
            .Single(r => r.Json.GetProperty("to").GetString() == "+212661234567");
        Assert.Equal("Bearer sms-key", sms.Authorization);
        Assert.Contains("https://chikaya.example.ma/track/CH-", sms.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Messages_wait_while_the_mail_server_is_down_and_leave_once_it_is_back()
    {
        var email = Unique("down");
        await Smtp.StopAsync();
        try
        {
            await App.FileAsync(email: email);
            await App.RunJobsAsync();
            await using (var db = App.Database())
            {
                var waiting = await db.Outbox.SingleAsync(m => m.Recipient == email);
                Assert.Null(waiting.SentUtc);
                Assert.Equal(1, waiting.Attempts);
                Assert.NotNull(waiting.LastError);
            }
            App.Clock.Advance(TimeSpan.FromSeconds(20));
            await App.RunJobsAsync();
            Assert.Empty(Smtp.To(email));
        }
        finally { await Smtp.StartAsync(); }

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await App.RunJobsAsync();

        Assert.Single(Smtp.To(email));
        await using var after = App.Database();
        Assert.NotNull((await after.Outbox.SingleAsync(m => m.Recipient == email)).SentUtc);
    }

    [Fact]
    public async Task Each_public_step_is_announced_and_internal_ones_are_not()
    {
        var email = Unique("steps");
        var filed = await App.FileAsync(territory: "A-MAARIF", email: email);
        var agent = App.NewBrowser();
        await agent.SignInAsync("agent.maarif");
        var page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        page = await agent.SubmitAsync(page, "form:has(button[value='Accept'])", submitName: "Input.Action", submitValue: "Accept");
        page = await agent.SubmitAsync(page, "form:has(button[value='Note'])", new Dictionary<string, string?> { ["Input.Text"] = "interne" },
            submitName: "Input.Action", submitValue: "Note");
        await agent.SubmitAsync(page, "form:has(button[value='Answer'])", new Dictionary<string, string?> { ["Input.Text"] = "Réparé hier." },
            submitName: "Input.Action", submitValue: "Answer");

        await App.RunJobsAsync();

        var subjects = Smtp.To(email).Select(m => m.Subject).ToList();
        Assert.Equal(3, subjects.Count);
        Assert.Contains(subjects, s => s?.Contains("prise en charge", StringComparison.Ordinal) == true);
        Assert.Contains(Smtp.To(email), m => m.TextBody?.Contains("Réparé hier.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_edited_template_is_used_for_the_next_messages()
    {
        var admin = App.NewBrowser();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/templates/citizen.submitted/fr");
        await admin.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Subject"] = "Bien reçu : {number}", ["Body"] = "Merci. Suivi : {link}",
        });
        var email = Unique("template");

        var filed = await App.FileAsync(email: email);
        await App.RunJobsAsync();

        Assert.Equal($"Bien reçu : {filed.TrackingNumber}", Assert.Single(Smtp.To(email)).Subject);
        await using var db = App.Database();
        db.MessageTemplates.RemoveRange(db.MessageTemplates);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Deadline_overrides_apply_per_theme_in_hours_and_in_working_days()
    {
        var cleanliness = await App.FileAsync(theme: "cleanliness");
        var registry = await App.FileAsync(theme: "civil-registry");
        await using var db = App.Database();
        var fast = await db.Complaints.SingleAsync(c => c.TrackingNumber == cleanliness.TrackingNumber);
        var slow = await db.Complaints.SingleAsync(c => c.TrackingNumber == registry.TrackingNumber);

        Assert.Equal(fast.ReceivedUtc.AddHours(48), fast.AnswerDueUtc);
        Assert.Equal(fast.ReceivedUtc.AddDays(15), fast.DecisionDueUtc);
        var local = Chikaya.Web.Features.Shared.Display.Local(slow.ReceivedUtc);
        var expected = Chikaya.Domain.Deadlines.BusinessCalendar.Morocco.AddWorkingDays(DateOnly.FromDateTime(local), 5);
        Assert.Equal(expected, DateOnly.FromDateTime(Chikaya.Web.Features.Shared.Display.Local(slow.DecisionDueUtc)));
    }

    [Fact]
    public async Task Two_instances_running_the_jobs_at_once_run_each_job_once()
    {
        App.Clock.Advance(TimeSpan.FromDays(2));
        var services = App.Services;
        JobRunner Another() => new(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IOptions<JobOptions>>(),
            App.Clock, services.GetRequiredService<ILogger<JobRunner>>());

        var runs = await Task.WhenAll(Another().RunDueJobsAsync(CancellationToken.None), Another().RunDueJobsAsync(CancellationToken.None));

        var all = runs.SelectMany(r => r).ToList();
        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.Contains("deadline-sweep", all);
        Assert.True(all.Contains("daily-digest"), string.Join("\n", App.Errors.Entries.Where(e => !e.Contains("JobLeases", StringComparison.Ordinal) && !e.Contains("PK_JobLeases", StringComparison.Ordinal))));
        Assert.DoesNotContain("daily-digest", await App.RunJobsAsync());
    }
}
