using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.EmailIntake;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chikaya.Tests.Features;

/// <summary>The platform with its SMTP endpoint open on a free loopback port.</summary>
public sealed class MailboxApp : IAsyncLifetime
{
    public ChikayaApp App { get; } = new(demoComplaints: 0)
    {
        Settings = new() { ["Chikaya:EmailIntake:Enabled"] = "true", ["Chikaya:EmailIntake:Port"] = "0" },
    };

    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        Port = await App.Services.GetRequiredService<SmtpIntakeListener>().PortAsync.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class EmailIntakeTests(MailboxApp fixture) : IClassFixture<MailboxApp>
{
    private ChikayaApp App => fixture.App;

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@example.ma";

    /// <summary>Sends through MailKit over SMTP, as the city's mail server relays; the server's answer carries the tracking number.</summary>
    private async Task<string> SendAsync(string from, string subject, string text, params (string Name, byte[] Bytes)[] files)
    {
        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, bytes) in files) body.Attachments.Add(name, bytes);
        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(new MailboxAddress("Leila Idrissi", from));
        message.To.Add(new MailboxAddress("Réclamations", "reclamations@casablanca.ma"));
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", fixture.Port, SecureSocketOptions.None);
        var answer = await smtp.SendAsync(message);
        await smtp.DisconnectAsync(quit: true);
        return answer.Split(' ').Last();
    }

    [Fact]
    public async Task A_mail_to_the_mailbox_becomes_a_complaint_with_its_attachments_and_the_sender_gets_the_tracking_number()
    {
        var email = Unique("leila");

        var number = await SendAsync(email, "Fuite d'eau rue Jaber", "L'eau coule sur la chaussée depuis hier.", ("photo.png", SampleFiles.Png));

        var complaint = await App.ComplaintAsync(number);
        Assert.Equal(Channel.Email, complaint.Channel);
        Assert.Equal("Fuite d'eau rue Jaber", complaint.Subject);
        Assert.Equal(email, complaint.ContactEmail);
        Assert.Equal("photo.png", Assert.Single(complaint.Attachments).FileName);
        Assert.NotNull(complaint.CitizenId);
        await using var db = App.Database();
        var receipt = await db.Outbox.SingleAsync(m => m.Recipient == email);
        Assert.Contains(number, receipt.Subject + receipt.Body);
    }

    [Fact]
    public async Task A_reply_carrying_the_tracking_number_is_added_to_that_complaint()
    {
        var email = Unique("leila");
        var number = await SendAsync(email, "Lampadaire tombé", "Le lampadaire est tombé sur le trottoir.");

        var again = await SendAsync(email, $"RE: votre demande {number.ToLowerInvariant()}", "Il bloque toujours le passage.", ("plan.pdf", SampleFiles.Pdf));

        Assert.Equal(number, again);
        var complaint = await App.ComplaintAsync(number);
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.MessageReceived && e.IsPublic && e.Text == "Il bloque toujours le passage.");
        Assert.Contains(complaint.Attachments, a => a.FileName == "plan.pdf");
    }

    [Fact]
    public async Task A_tracking_number_from_another_sender_opens_a_new_complaint_instead()
    {
        var number = await SendAsync(Unique("leila"), "Bruit nocturne", "Un chantier travaille la nuit.");

        var other = await SendAsync(Unique("intrus"), $"Re: {number}", "Je veux lire cette réclamation.");

        Assert.NotEqual(number, other);
        Assert.DoesNotContain((await App.ComplaintAsync(number)).Events, e => e.Type == ComplaintEventType.MessageReceived);
    }

    [Fact]
    public async Task A_citizen_who_e_mails_then_calls_then_files_on_the_web_has_one_record_with_the_three_complaints()
    {
        var email = "citoyen@demo.chikaya.ma";
        var byMail = await App.ComplaintAsync(await SendAsync(email, "Trottoir défoncé", "Devant le numéro 12."));
        var agent = App.NewBrowser();
        await agent.SignInAsync("callcentre");
        var byPhone = await App.ComplaintAsync((await App.FileByPhoneAsync(agent, new() { ["Input.ContactEmail"] = email, ["Input.ContactPhone"] = "0522334455" })).Number());

        var citizen = App.NewBrowser();
        await citizen.SignInAsync("citoyen");
        await citizen.SubmitAsync(await citizen.GetAsync("/complaints/new"), "main form", new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await App.ThemeIdAsync("roads")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Subject"] = "Trottoir toujours défoncé", ["Input.Description"] = "Rien n'a bougé devant le numéro 12.",
        });
        var byWeb = await App.ComplaintAsync(citizen.LastUrl!.AbsolutePath.Split('/')[2]);

        Assert.NotNull(byMail.CitizenId);
        Assert.Equal([Channel.Web, Channel.CallCentre, Channel.Email], new[] { byMail, byPhone, byWeb }.Select(c => c.Channel).Order());
        Assert.Equal(byMail.CitizenId, byPhone.CitizenId);
        Assert.Equal(byMail.CitizenId, byWeb.CitizenId);
        await using var db = App.Database();
        var record = await db.Citizens.SingleAsync(c => c.Id == byMail.CitizenId);
        Assert.Equal(("+212522334455", byWeb.CitizenUserId), (record.Phone, record.UserId));
        Assert.Equal(3, await db.Complaints.CountAsync(c => c.CitizenId == record.Id));
    }

    [Fact]
    public async Task A_message_that_cannot_be_filed_is_refused_so_that_the_relay_keeps_it()
    {
        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            SendAsync(Unique("leila"), "Pièce jointe", "Voir la pièce jointe.", ("scan.pdf", SampleFiles.Html)));

        Assert.Equal(SmtpStatusCode.TransactionFailed, refusal.StatusCode);
        Assert.Contains("attachment.type-not-allowed", refusal.Message);
    }

    [Fact]
    public async Task A_reply_the_complaint_cannot_take_is_refused_for_good_instead_of_being_retried_for_days()
    {
        var email = Unique("leila");
        var number = await SendAsync(email, "Hors compétence", "Une demande pour une autre ville.");
        await using (var db = App.Database())
        {
            var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == number);
            complaint.Reject(Actor.Staff("s", "Agent"), "Hors compétence", App.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(email, $"Re: {number}", "Pourquoi ?"));

        Assert.Equal(SmtpStatusCode.TransactionFailed, refusal.StatusCode);
        Assert.Contains("complaint.message.rejected", refusal.Message);
    }
}
