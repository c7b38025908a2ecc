using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;

namespace Chikaya.Tests.Domain;

public sealed class NewComplaintValidationTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly NewComplaint Valid = new()
    {
        ThemeId = 1, AdministrationId = 1, Subject = "Lampadaire éteint", Description = "Rue sombre la nuit.",
        Latitude = 33.57, Longitude = -7.62, ContactEmail = "a@example.ma", ContactPhone = "0612345678",
    };

    public static TheoryData<string, string> Broken() => new()
    {
        { "subject", "complaint.subject.required" },
        { "subject-long", "complaint.subject.too-long" },
        { "description", "complaint.description.required" },
        { "description-long", "complaint.description.too-long" },
        { "address-long", "complaint.address.too-long" },
        { "name-long", "complaint.name.too-long" },
        { "language", "complaint.language.unsupported" },
        { "half-location", "complaint.location.incomplete" },
        { "nan", "complaint.location.latitude-invalid" },
        { "latitude", "complaint.location.latitude-invalid" },
        { "longitude", "complaint.location.longitude-invalid" },
        { "email", "complaint.email.invalid" },
        { "phone", "complaint.phone.invalid" },
        { "future", "complaint.received.in-future" },
        { "nul", "complaint.text.control-characters" },
    };

    private static NewComplaint Break(string what) => what switch
    {
        "subject" => Valid with { Subject = "  " },
        "subject-long" => Valid with { Subject = new string('a', 201) },
        "description" => Valid with { Description = "" },
        "description-long" => Valid with { Description = new string('a', 8001) },
        "address-long" => Valid with { Address = new string('a', 301) },
        "name-long" => Valid with { ContactName = new string('a', 151) },
        "language" => Valid with { Language = "en" },
        "half-location" => Valid with { Longitude = null },
        "nan" => Valid with { Latitude = double.NaN },
        "latitude" => Valid with { Latitude = 91 },
        "longitude" => Valid with { Longitude = double.PositiveInfinity },
        "email" => Valid with { ContactEmail = "amina@" },
        "phone" => Valid with { ContactPhone = "12" },
        "future" => Valid with { ReceivedUtc = Now.AddDays(1) },
        _ => Valid with { Subject = "a\0b" },
    };

    [Fact]
    public void A_complete_input_breaks_no_rule() => Assert.Empty(Valid.Validate(Now));

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_reported_with_its_code(string what, string code)
    {
        Assert.Contains(Break(what).Validate(Now), e => e.Code == code);
        var refused = Assert.Throws<ComplaintRuleException>(() =>
            Complaint.Submit(Break(what), "CH-2026-7K4P9Q", "ABCD-EFGH", LegalDeadlines.Decree, Now));
        Assert.NotNull(refused.Field);
    }

    [Fact]
    public void A_mail_office_letter_counts_its_deadlines_from_the_day_it_was_received()
    {
        var letter = Valid with { Channel = Channel.MailOffice, ReceivedUtc = Now.AddDays(-10) };
        var complaint = Complaint.Submit(letter, "CH-2026-7K4P9Q", "ABCD-EFGH", LegalDeadlines.Decree, Now);
        Assert.Equal(Now.AddDays(5), complaint.DecisionDueUtc);
        Assert.Equal(Now.AddDays(50), complaint.AnswerDueUtc);
        Assert.Equal(Now, complaint.Events[0].OccurredUtc);
    }

    [Fact]
    public void Contact_details_are_stored_normalized_and_text_trimmed()
    {
        var complaint = Complaint.Submit(Valid with { Subject = "  Lampadaire  ", ContactEmail = " A@Example.MA " },
            "CH-2026-7K4P9Q", "ABCD-EFGH", LegalDeadlines.Decree, Now);
        Assert.Equal("Lampadaire", complaint.Subject);
        Assert.Equal("a@example.ma", complaint.ContactEmail);
        Assert.Equal("+212612345678", complaint.ContactPhone);
        Assert.False(complaint.IsAnonymous);
    }
}
