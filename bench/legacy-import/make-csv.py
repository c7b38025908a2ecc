#!/usr/bin/env python3
"""Writes a legacy export in the exchange layout: ROWS complaints (default 100000), one in a hundred broken on purpose."""
import csv, random, sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.argv[2] if len(sys.argv) > 2 else "legacy-100k.csv"
random.seed(2026)
themes = ["cleanliness", "public-lighting", "roads", "green-spaces", "urbanism", "signage"]
areas = ["A-ANFA", "A-MAARIF", "A-SIDI-BELYOUT", "A-HAY-HASSANI", "A-AIN-CHOCK", "A-BEN-MSICK"]
statuses = ["received", "accepted", "answered", "closed", "rejected"]
columns = ["external_id", "kind", "channel", "theme_code", "administration_code", "territory_code", "received_at", "subject",
           "description", "status", "decided_at", "rejection_reason", "answered_at", "answer", "closed_at", "contact_name",
           "contact_email", "contact_phone", "address", "latitude", "longitude"]
with open(out, "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f)
    w.writerow(columns)
    for i in range(rows):
        month, day = random.randint(1, 10), random.randint(1, 18)
        status = random.choice(statuses)
        row = {c: "" for c in columns}
        row.update(external_id=f"GRC-{i:07d}", kind="complaint", channel=random.choice(["web", "mailoffice", "callcentre"]),
                   theme_code=random.choice(themes), territory_code=random.choice(areas),
                   received_at=f"2026-{month:02d}-{day:02d}T08:30:00Z", subject=f"Réclamation {i}",
                   description=f"Description de la réclamation {i}, reprise de l'ancien système.", status=status,
                   contact_name=f"Citoyen {i}", contact_email=f"citoyen{i}@example.ma",
                   latitude=f"33.{random.randint(1000, 9999)}", longitude=f"-7.{random.randint(1000, 9999)}")
        if status != "received": row["decided_at"] = f"2026-{month:02d}-{day + 2:02d}T10:00:00Z"
        if status == "rejected": row["rejection_reason"] = "Hors compétence"
        if status in ("answered", "closed"): row.update(answered_at=f"2026-{month:02d}-{day + 9:02d}T10:00:00Z", answer="Traitée.")
        if status == "closed": row["closed_at"] = f"2026-{month:02d}-{day + 10:02d}T10:00:00Z"
        if i % 100 == 99: row[random.choice(["received_at", "theme_code", "latitude"])] = "??"
        w.writerow(row[c] for c in columns)
print(f"{rows} rows written to {out}")
