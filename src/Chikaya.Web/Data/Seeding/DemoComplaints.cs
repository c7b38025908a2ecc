using Chikaya.Domain.Administrations;
using Chikaya.Domain.Citizens;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Domain.Territories;

namespace Chikaya.Web.Data.Seeding;

/// <summary>
/// Complaints spread over 18 months, each taken through the real state machine at plausible
/// moments: most answered, some late, some rejected or transferred, recent ones still waiting.
/// </summary>
public sealed class DemoComplaints(AppDbContext db, IReadOnlyDictionary<string, int> themes,
    IReadOnlyList<(Territory Territory, Administration Administration)> arrondissements,
    IReadOnlyDictionary<int, AppUser> handlers, Administration commune, AppUser citizen, DateTime nowUtc)
{
    private readonly Random _random = new(2017);
    private readonly HashSet<string> _numbers = [];
    private readonly Dictionary<string, Citizen> _citizens = [];

    public async Task GenerateAsync(int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            db.Complaints.Add(Create(i));
            if (i % 200 == 199) { await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private Complaint Create(int index)
    {
        var received = nowUtc.AddDays(-Math.Pow(_random.NextDouble(), 1.3) * 540).AddMinutes(-_random.Next(600));
        var (territory, administration) = arrondissements[_random.Next(arrondissements.Count)];
        var themeCode = DemoData.ArrondissementThemes[_random.Next(DemoData.ArrondissementThemes.Length)];
        var language = _random.NextDouble() < 0.35 ? "ar" : "fr";
        var text = DemoTexts.Pick(themeCode, language, _random);
        var identity = _random.NextDouble();
        var withAccount = index % 40 == 0;
        var input = new NewComplaint
        {
            Kind = _random.NextDouble() switch { < 0.85 => SubmissionKind.Complaint, < 0.93 => SubmissionKind.Remark, _ => SubmissionKind.Suggestion },
            Channel = _random.NextDouble() switch { < 0.6 => Channel.Web, < 0.8 => Channel.Mobile, < 0.9 => Channel.MailOffice, _ => Channel.CallCentre },
            ThemeId = themes[themeCode],
            AdministrationId = administration.Id,
            TerritoryId = territory.Id,
            Subject = text.Subject,
            Description = text.Description,
            Language = language,
            Latitude = 33.55 + _random.NextDouble() * 0.08,
            Longitude = -7.68 + _random.NextDouble() * 0.14,
            Address = $"{_random.Next(1, 200)} {DemoTexts.Streets[_random.Next(DemoTexts.Streets.Length)]}",
            CitizenUserId = withAccount ? citizen.Id : null,
            ContactName = withAccount ? citizen.FullName : identity < 0.75 ? $"Citoyen {index + 1}" : null,
            ContactEmail = withAccount ? citizen.Email : identity < 0.6 ? $"citoyen{index + 1}@example.ma" : null,
            ReceivedUtc = received,
        };
        input = input with { CitizenId = CitizenOf(index, input)?.Id };
        if (input.CitizenId is null && index % 50 is 7 or 23) input = AsYoussef(input, index % 50 == 7);
        var complaint = Complaint.Submit(input, UniqueNumber(received), SecretCode.New(), LegalDeadlines.Decree, received);
        Advance(complaint, received, handlers[administration.Id]);
        return complaint;
    }

    /// <summary>The account holder, and people who called or wrote with an e-mail address, have a citizen record.</summary>
    private Citizen? CitizenOf(int index, NewComplaint input) =>
        input.CitizenUserId is { } userId ? Record("account", new CitizenIdentity { UserId = userId, Name = input.ContactName, Email = input.ContactEmail })
        : input.Channel is Channel.CallCentre or Channel.MailOffice && input.ContactEmail is { } email && index % 50 is not (7 or 23)
            ? Record(email, new CitizenIdentity { Name = input.ContactName, Email = email })
            : null;

    /// <summary>One man known twice, by phone and by identity card: two records for a supervisor to merge.</summary>
    private NewComplaint AsYoussef(NewComplaint input, bool byPhone) => byPhone
        ? input with { Channel = Channel.CallCentre, ContactName = "Youssef Benali", ContactEmail = null, ContactPhone = "0661234567",
            CitizenId = Record("youssef-phone", new CitizenIdentity { Name = "Youssef Benali", Phone = "0661234567" }).Id }
        : input with { Channel = Channel.MailOffice, ContactName = "Youssef Benali", ContactEmail = null,
            PostalAddress = "12 rue Ibn Batouta, Casablanca", ExternalReference = "BO-2026-" + input.ReceivedUtc!.Value.DayOfYear,
            CitizenId = Record("youssef-cin", new CitizenIdentity { Name = "Youssef BENALI", Cin = "BE123456" }).Id };

    private Citizen Record(string key, CitizenIdentity identity)
    {
        if (_citizens.TryGetValue(key, out var known)) return known;
        var citizen = Citizen.Register(identity, nowUtc.AddDays(-540));
        db.Citizens.Add(citizen);
        return _citizens[key] = citizen;
    }

    private void Advance(Complaint complaint, DateTime received, AppUser handler)
    {
        var staff = Actor.Staff(handler.Id, handler.FullName);
        var at = received;
        bool Step(double minDays, double maxDays)
        {
            at = at.AddDays(minDays + _random.NextDouble() * (maxDays - minDays));
            return at <= nowUtc;
        }

        if (!Step(0.2, 20)) return;
        var decision = _random.NextDouble();
        if (decision < 0.07) { complaint.Reject(staff, "Cette demande ne relève pas de la compétence de l'arrondissement.", at); return; }
        if (decision < 0.13)
        {
            complaint.Transfer(staff, commune.Id, "Relève des services de la Commune.", at);
            return;
        }
        complaint.Accept(staff, at);
        if (!Step(0, 3)) return;
        complaint.Assign(staff, handler.Id, handler.FullName, at);
        if (_random.NextDouble() < 0.12 && Step(1, 8))
        {
            complaint.RequestInformation(staff, "Pouvez-vous préciser l'adresse exacte et joindre une photo ?", at);
            if (!Step(1, 6)) return;
            complaint.ProvideInformation(Actor.Citizen(complaint.CitizenUserId, complaint.ContactName), "C'est en face du numéro indiqué, à l'angle de la rue.", at);
        }
        if (!Step(2, 70)) return;
        complaint.Answer(staff, DemoTexts.Answers[_random.Next(DemoTexts.Answers.Length)], at);
        if (_random.NextDouble() < 0.85 && Step(2, 20)) complaint.Close(Actor.System, at);
    }

    private string UniqueNumber(DateTime received)
    {
        while (true)
        {
            var number = TrackingNumber.New(received);
            if (_numbers.Add(number)) return number;
        }
    }
}
