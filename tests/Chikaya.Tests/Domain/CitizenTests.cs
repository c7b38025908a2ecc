using Chikaya.Domain.Citizens;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;

namespace Chikaya.Tests.Domain;

public sealed class CitizenTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("AB123456", "AB123456")]
    [InlineData(" ab 123456 ", "AB123456")]
    [InlineData("a-12345", "A12345")]
    [InlineData("BE1", "BE1")]
    public void An_identity_card_number_is_read_as_people_write_it(string input, string expected) =>
        Assert.Equal(expected, ContactRules.NormalizeCin(input));

    [Theory]
    [InlineData("123456")]
    [InlineData("ABC12345")]
    [InlineData("AB1234567")]
    [InlineData("AB")]
    [InlineData("")]
    public void What_is_not_an_identity_card_number_is_refused(string input) =>
        Assert.Null(ContactRules.NormalizeCin(input));

    [Fact]
    public void A_record_keeps_identifiers_in_their_stored_form_and_drops_invalid_ones()
    {
        var citizen = Citizen.Register(new CitizenIdentity { Email = " Amina@Example.MA ", Phone = "06 12 34 56 78", Cin = "not a cin" }, Now);

        Assert.Equal("amina@example.ma", citizen.Email);
        Assert.Equal("+212612345678", citizen.Phone);
        Assert.Null(citizen.Cin);
    }

    [Fact]
    public void An_identity_without_any_valid_identifier_opens_no_record() =>
        Assert.Throws<ArgumentException>(() => Citizen.Register(new CitizenIdentity { Name = "Amina", Email = "nope" }, Now));

    [Fact]
    public void The_account_wins_over_the_card_the_card_over_the_e_mail_the_e_mail_over_the_phone()
    {
        var byPhone = Citizen.Register(new CitizenIdentity { Phone = "0612345678" }, Now.AddDays(-4));
        var byEmail = Citizen.Register(new CitizenIdentity { Email = "a@example.ma" }, Now);
        var byCin = Citizen.Register(new CitizenIdentity { Cin = "AB123456" }, Now);
        var byAccount = Citizen.Register(new CitizenIdentity { UserId = "u1" }, Now);
        var identity = new CitizenIdentity { UserId = "u1", Cin = "AB123456", Email = "a@example.ma", Phone = "0612345678" };

        Assert.Same(byAccount, Citizen.Best([byPhone, byEmail, byCin, byAccount], identity));
        Assert.Same(byCin, Citizen.Best([byPhone, byEmail, byCin], identity));
        Assert.Same(byEmail, Citizen.Best([byPhone, byEmail], identity));
        Assert.Same(byPhone, Citizen.Best([byPhone], identity));
    }

    [Fact]
    public void Of_two_records_opened_at_the_same_moment_the_same_one_is_kept_whatever_order_they_come_in()
    {
        var identity = new CitizenIdentity { UserId = "u2" };
        var records = Enumerable.Range(0, 5).Select(_ => Citizen.Register(identity, Now)).ToList();

        var kept = Citizen.Best(records, identity);

        Assert.All(Enumerable.Range(1, 4), shift => Assert.Same(kept, Citizen.Best(records.Skip(shift).Concat(records.Take(shift)), identity)));
        Assert.Same(kept, Citizen.Best(Enumerable.Reverse(records), identity));
    }

    [Fact]
    public void Among_equal_matches_the_oldest_record_is_kept_and_a_merged_one_never()
    {
        var older = Citizen.Register(new CitizenIdentity { Phone = "0612345678" }, Now.AddDays(-9));
        var newer = Citizen.Register(new CitizenIdentity { Phone = "0612345678" }, Now);
        var identity = new CitizenIdentity { Phone = "+212 6 12 34 56 78" };

        Assert.Same(older, Citizen.Best([newer, older], identity));
        older.MergeInto(newer);
        Assert.Same(newer, Citizen.Best([newer, older], identity));
    }

    [Fact]
    public void A_record_learns_missing_identifiers_and_never_replaces_one_it_has()
    {
        var citizen = Citizen.Register(new CitizenIdentity { Cin = "AB123456" }, Now);

        citizen.Complete(new CitizenIdentity { Cin = "ZZ999999", Email = "a@example.ma", Name = "Amina" });

        Assert.Equal("AB123456", citizen.Cin);
        Assert.Equal("a@example.ma", citizen.Email);
        Assert.Equal("Amina", citizen.Name);
    }

    [Fact]
    public void A_merge_is_refused_with_itself_twice_or_between_two_accounts_and_undone_once()
    {
        var a = Citizen.Register(new CitizenIdentity { UserId = "u1" }, Now);
        var b = Citizen.Register(new CitizenIdentity { UserId = "u2" }, Now);
        var c = Citizen.Register(new CitizenIdentity { Phone = "0612345678" }, Now);

        Assert.Equal("citizen.merge.same-record", Assert.Throws<CitizenRuleException>(() => a.MergeInto(a)).Code);
        Assert.Equal("citizen.merge.two-accounts", Assert.Throws<CitizenRuleException>(() => a.MergeInto(b)).Code);
        c.MergeInto(a);
        Assert.Equal(a.Id, c.MergedIntoId);
        Assert.Equal("citizen.merge.already-merged", Assert.Throws<CitizenRuleException>(() => c.MergeInto(b)).Code);
        c.UndoMerge();
        Assert.Null(c.MergedIntoId);
        Assert.Equal("citizen.merge.not-merged", Assert.Throws<CitizenRuleException>(() => c.UndoMerge()).Code);
    }

    private static Complaint File(Guid? citizenId, string? name = null) => Complaint.Submit(new NewComplaint
    {
        ThemeId = 1, AdministrationId = 1, Subject = "Lettre", Description = "Trottoir cassé.", CitizenId = citizenId, ContactName = name,
        Channel = Channel.MailOffice, ExternalReference = "BO-17", RegisteredBy = Actor.Staff("clerk", "Agent du bureau d'ordre"),
        ReceivedUtc = Now.AddDays(-10),
    }, "CH-2026-AAAAAA", "SECRET1234", LegalDeadlines.Decree, Now);

    [Fact]
    public void A_complaint_registered_for_a_citizen_says_who_registered_it_and_counts_from_the_letter_s_date()
    {
        var complaint = File(Guid.NewGuid());

        var registered = Assert.Single(complaint.Events, e => e.Type == ComplaintEventType.RegisteredOnBehalf);
        Assert.False(registered.IsPublic);
        Assert.Equal("Agent du bureau d'ordre", registered.ActorName);
        Assert.Equal("BO-17", registered.Text);
        Assert.Equal(Now.AddDays(-10), complaint.ReceivedUtc);
        Assert.Equal(Now.AddDays(5), complaint.DecisionDueUtc);
    }

    [Fact]
    public void A_complaint_follows_a_merge_with_an_internal_entry_and_an_anonymous_one_cannot()
    {
        var kept = Guid.NewGuid();
        var complaint = File(Guid.NewGuid(), "Amina");

        complaint.MoveToCitizen(kept, Actor.Staff("s", "Superviseur"), Now, undoingMerge: false);

        Assert.Equal(kept, complaint.CitizenId);
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.CitizenMerged && !e.IsPublic);
        var anonymous = File(null);
        Assert.True(anonymous.IsAnonymous);
        Assert.Equal("complaint.citizen.anonymous",
            Assert.Throws<ComplaintRuleException>(() => anonymous.MoveToCitizen(kept, Actor.System, Now, undoingMerge: false)).Code);
    }

    [Fact]
    public void Erasing_personal_data_unlinks_the_citizen_record_and_the_postal_address()
    {
        var complaint = Complaint.Submit(new NewComplaint
        {
            ThemeId = 1, AdministrationId = 1, Subject = "Lettre", Description = "Trottoir cassé.", CitizenId = Guid.NewGuid(),
            PostalAddress = "12 rue Ibn Batouta",
        }, "CH-2026-AAAAAA", "SECRET1234", LegalDeadlines.Decree, Now);

        complaint.ErasePersonalData(Now);

        Assert.Null(complaint.CitizenId);
        Assert.Null(complaint.PostalAddress);
        Assert.True(complaint.IsAnonymous);
    }

    [Theory]
    [InlineData(366, true)]
    [InlineData(367, false)]
    public void A_letter_may_be_dated_up_to_a_year_back(int daysAgo, bool accepted)
    {
        var input = new NewComplaint { ThemeId = 1, AdministrationId = 1, Subject = "Lettre", Description = "Texte", ReceivedUtc = Now.AddDays(-daysAgo) };

        Assert.Equal(accepted, !input.Validate(Now).Any(e => e.Code == "complaint.received.too-old"));
    }

    [Fact]
    public void A_citizen_s_message_is_public_and_refused_from_staff_or_on_a_rejected_complaint()
    {
        var complaint = new ComplaintBuilder().InProgress().Build();

        complaint.AddCitizenMessage(ComplaintBuilder.Citizen, " Toujours rien. ", Now);

        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.MessageReceived && e.IsPublic && e.Text == "Toujours rien.");
        Assert.Equal("complaint.message.citizen-only",
            Assert.Throws<ComplaintRuleException>(() => complaint.AddCitizenMessage(ComplaintBuilder.Handler, "Note", Now)).Code);
        Assert.Equal("complaint.message.text-required",
            Assert.Throws<ComplaintRuleException>(() => complaint.AddCitizenMessage(ComplaintBuilder.Citizen, " ", Now)).Code);
        var rejected = new ComplaintBuilder().Rejected().Build();
        Assert.Equal("complaint.message.rejected",
            Assert.Throws<ComplaintRuleException>(() => rejected.AddCitizenMessage(ComplaintBuilder.Citizen, "Pourquoi ?", Now)).Code);
    }
}
