using Chikaya.Domain.Complaints;

namespace Chikaya.Tests.Domain;

public sealed class TrackingNumberTests
{
    [Theory]
    [InlineData("CH-2026-7K4P9Q", "CH-2026-7K4P9Q")]
    [InlineData("ch 2026 7k4p9q", "CH-2026-7K4P9Q")]
    [InlineData(" CH20267K4P9Q ", "CH-2026-7K4P9Q")]
    [InlineData("CH-2026-7K4P9", null)]
    [InlineData("CH-2026-0K4P9Q", null)]
    [InlineData("", null)]
    public void Normalize_accepts_what_people_type(string input, string? expected) =>
        Assert.Equal(expected, TrackingNumber.Normalize(input));

    [Fact]
    public void A_new_number_carries_the_year_of_receipt_and_normalizes_to_itself()
    {
        var number = TrackingNumber.New(new DateTime(2026, 3, 4, 0, 0, 0, DateTimeKind.Utc));
        Assert.StartsWith("CH-2026-", number);
        Assert.Equal(number, TrackingNumber.Normalize(number));
    }
}
