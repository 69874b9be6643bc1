"""Hand-written content of the demo data set: people, scenarios, machines, questions, events.

Everything here is fiction written for demonstrations. Images are ``rangex/*`` names of
the platform's own catalog; ports, resource profiles and limits follow the domain facts
(allowed ports, at most 4 machines a version and 5 ports a machine, Fargate sizes).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.enums import (
    Difficulty,
    EgressPolicy,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    Visibility,
)

SEED = 20240917
DEMO_PASSWORD = "rangex-demo-password"
# argon2id (m=19456, t=2, p=1) of DEMO_PASSWORD, precomputed so seeding 35 users takes no
# time. Every demo account shares it. It is public: a demo database is for demos only.
DEMO_PASSWORD_HASH = (
    "$argon2id$v=19$m=19456,t=2,p=1$iTIjcxvN0xtKN39NVLHICg$"
    "Ic7V7XFXXXj2YIHNjAa9e3TmQyJDe3LwQslK9NrbEoE"
)

ADMIN = ("admin@rangex.local", "admin", "RangeX Administrator")
CREATORS = [
    ("nadia.farouk@rangex.local", "nfarouk", "Dr. Nadia Farouk"),
    ("jonas.weber@rangex.local", "jweber", "Jonas Weber"),
    ("kahseng.lim@rangex.local", "kslim", "Lim Kah Seng"),
    ("rachel.adeyemi@rangex.local", "radeyemi", "Rachel Adeyemi"),
]
LEARNERS = [
    ("aisha.rahman", "Aisha Rahman"),
    ("weijie.tan", "Tan Wei Jie"),
    ("priya.nair", "Priya Nair"),
    ("daniel.okafor", "Daniel Okafor"),
    ("nurul.ismail", "Nurul Aina Ismail"),
    ("marcus.lee", "Marcus Lee"),
    ("hannah.schmidt", "Hannah Schmidt"),
    ("arjun.menon", "Arjun Menon"),
    ("farah.hassan", "Farah Hassan"),
    ("lucas.oliveira", "Lucas Oliveira"),
    ("meiling.chong", "Chong Mei Ling"),
    ("omar.haddad", "Omar Haddad"),
    ("sofia.rossi", "Sofia Rossi"),
    ("kenji.watanabe", "Kenji Watanabe"),
    ("amara.nwosu", "Amara Nwosu"),
    ("haziq.azman", "Haziq Azman"),
    ("elena.petrova", "Elena Petrova"),
    ("rajesh.kumar", "Rajesh Kumar"),
    ("chloe.martin", "Chloé Martin"),
    ("yusuf.demir", "Yusuf Demir"),
    ("grace.lim", "Grace Lim"),
    ("tomas.garcia", "Tomás García"),
    ("ingrid.larsen", "Ingrid Larsen"),
    ("kavya.reddy", "Kavya Reddy"),
    ("samuel.mensah", "Samuel Mensah"),
    ("nadia.karim", "Nadia Karim"),
    ("ethan.wong", "Ethan Wong"),
    ("zara.ahmed", "Zara Ahmed"),
    ("luis.fernandez", "Luis Fernández"),
    ("aiko.sato", "Aiko Sato"),
]
LEARNER_EMAIL_DOMAIN = "learners.rangex.local"

USD_PER_VCPU_HOUR = 0.04556
USD_PER_GB_HOUR = 0.00533
RM_PER_USD = 4.5


@dataclass(frozen=True, slots=True)
class MachineSpec:
    name: str
    role: MachineRole
    image: str
    ports: tuple[int, ...]
    profile: ResourceProfile = ResourceProfile.MICRO
    egress: EgressPolicy = EgressPolicy.NONE
    network_group: str = "default"
    environment: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    kind: QuestionKind
    prompt: str
    expected: tuple[str, ...]
    choices: tuple[str, ...] = ()
    points: int = 10
    case_sensitive: bool = False


KALI = MachineSpec(
    "kali",
    MachineRole.ATTACKER,
    "rangex/kali-lite:2024.1",
    (22, 6901),
    ResourceProfile.SMALL,
    EgressPolicy.SESSION,
    environment=(("KASM_RESOLUTION", "1600x900"),),
)
PARROT = MachineSpec(
    "parrot",
    MachineRole.ATTACKER,
    "rangex/parrot-sec:6.0",
    (6901,),
    ResourceProfile.MEDIUM,
    EgressPolicy.SESSION,
)
MICRO, SMALL, MEDIUM = ResourceProfile.MICRO, ResourceProfile.SMALL, ResourceProfile.MEDIUM


@dataclass(frozen=True, slots=True)
class ScenarioSpec:
    slug: str
    title: str
    category: str
    difficulty: Difficulty
    description: str
    tags: tuple[str, ...]
    machines: tuple[MachineSpec, ...]  # besides the attacker; the first is the TARGET
    attacker: MachineSpec = KALI
    released: bool = True
    visibility: Visibility = Visibility.PUBLIC


B, IM, A, E = (Difficulty.BEGINNER, Difficulty.INTERMEDIATE, Difficulty.ADVANCED, Difficulty.EXPERT)
SCENARIOS = [
    ScenarioSpec(
        "sqli-staff-portal",
        "SQL Injection in the Staff Portal",
        "web",
        B,
        "The HR staff portal builds its login query by string concatenation. Bypass the "
        "login, enumerate the database behind it and recover the payroll administrator's "
        "password hash.",
        ("sql-injection", "owasp-top-10", "authentication"),
        (
            MachineSpec("portal", MachineRole.TARGET, "rangex/dvwa:1.10", (80,), SMALL),
            MachineSpec("db", MachineRole.SERVICE, "rangex/mysql-seeded:8.0", ()),
        ),
    ),
    ScenarioSpec(
        "juice-shop-access-control",
        "Juice Shop: Broken Access Control",
        "web",
        IM,
        "An online shop trusts the client to decide whose basket it is looking at. Abuse "
        "insecure direct object references in its REST API to read and change other "
        "customers' orders.",
        ("idor", "access-control", "owasp-top-10", "api"),
        (MachineSpec("shop", MachineRole.TARGET, "rangex/juice-shop:17.0", (3000,), SMALL),),
    ),
    ScenarioSpec(
        "ssrf-cloud-metadata",
        "Server-Side Request Forgery to Cloud Metadata",
        "web",
        A,
        "A thumbnail service fetches any URL you give it. Reach the instance metadata "
        "endpoint on the internal network and turn leaked temporary credentials into access.",
        ("ssrf", "cloud-metadata", "api"),
        (
            MachineSpec(
                "imagefetch", MachineRole.TARGET, "rangex/ssrf-imagefetch:1.2", (8080,), SMALL
            ),
            MachineSpec(
                "metadata",
                MachineRole.INTERNAL,
                "rangex/fake-imds:1.0",
                (80,),
                network_group="internal",
            ),
        ),
    ),
    ScenarioSpec(
        "recon-small-office",
        "Recon 101: Mapping a Small Office Network",
        "network",
        B,
        "A ten-person office asked for an external assessment. Discover its hosts, "
        "fingerprint the services they run and write down what an attacker would try first.",
        ("nmap", "enumeration", "recon"),
        (
            MachineSpec(
                "fileserver", MachineRole.TARGET, "rangex/metasploitable:2.0", (22, 80, 8080), SMALL
            ),
            MachineSpec("printer", MachineRole.SERVICE, "rangex/printer-sim:0.9", (80, 9090)),
        ),
    ),
    ScenarioSpec(
        "pivot-jump-host",
        "Pivoting Through a Dual-Homed Jump Host",
        "network",
        A,
        "The only way into the engineering network is a bastion with a reused SSH key. "
        "Compromise it, tunnel through it and reach the intranet wiki that holds the flag.",
        ("pivoting", "ssh-tunneling", "lateral-movement"),
        (
            MachineSpec("bastion", MachineRole.TARGET, "rangex/ubuntu-ssh:22.04", (22,)),
            MachineSpec(
                "wiki",
                MachineRole.INTERNAL,
                "rangex/intranet-wiki:3.1",
                (80,),
                network_group="internal",
            ),
            MachineSpec(
                "buildbox",
                MachineRole.INTERNAL,
                "rangex/jenkins-lab:2.440",
                (8080,),
                SMALL,
                network_group="internal",
            ),
        ),
    ),
    ScenarioSpec(
        "cleartext-credentials",
        "Sniffing Cleartext Credentials",
        "network",
        IM,
        "A legacy webmail server still accepts logins over plain HTTP and a scheduled job "
        "keeps signing in. Capture the traffic and recover the credentials it sends.",
        ("packet-analysis", "wireshark", "cleartext-protocols"),
        (
            MachineSpec("webmail", MachineRole.TARGET, "rangex/legacy-webmail:2.3", (80,)),
            MachineSpec("mailer", MachineRole.SERVICE, "rangex/traffic-replay:1.0", ()),
        ),
    ),
    ScenarioSpec(
        "ir-compromised-webserver",
        "Incident Response: The Compromised Web Server",
        "forensics",
        IM,
        "Monitoring flagged outbound traffic from a web server at 03:12. Work through its "
        "logs, crontab and recently changed files to reconstruct the intrusion timeline.",
        ("incident-response", "log-analysis", "linux"),
        (MachineSpec("web01", MachineRole.TARGET, "rangex/ir-webserver:2024.2", (22, 80), SMALL),),
    ),
    ScenarioSpec(
        "memory-forensics-volatility",
        "Memory Forensics with Volatility",
        "forensics",
        A,
        "You are handed a memory image from a workstation that beaconed to an unknown host. "
        "Identify the injected process, its network connections and the persistence it set up.",
        ("memory-forensics", "volatility", "malware"),
        (
            MachineSpec(
                "analysis", MachineRole.TARGET, "rangex/volatility-lab:3.0", (22, 6901), MEDIUM
            ),
        ),
        attacker=PARROT,
    ),
    ScenarioSpec(
        "stego-basics",
        "Hidden in Plain Sight: Steganography Basics",
        "forensics",
        B,
        "A photo gallery is suspected of smuggling data out of the company. Carve files, "
        "inspect metadata and extract the message hidden in the images.",
        ("steganography", "file-carving", "metadata"),
        (MachineSpec("gallery", MachineRole.TARGET, "rangex/stego-gallery:1.1", (80,)),),
    ),
    ScenarioSpec(
        "xor-cipher",
        "Breaking a Home-Grown XOR Cipher",
        "crypto",
        B,
        "A developer 'encrypted' API tokens with a repeating-key XOR. Use known plaintext "
        "and frequency analysis to recover the key and decrypt the token store.",
        ("xor", "cryptanalysis", "python"),
        (MachineSpec("oracle", MachineRole.TARGET, "rangex/crypto-oracle:1.0", (8080,)),),
    ),
    ScenarioSpec(
        "padding-oracle-cookie",
        "Padding Oracle Attack on a Session Cookie",
        "crypto",
        A,
        "The session cookie is AES-CBC encrypted and the server tells you when the padding "
        "is wrong. Decrypt the cookie byte by byte, then forge one for the admin account.",
        ("padding-oracle", "cbc", "cookies"),
        (MachineSpec("bank", MachineRole.TARGET, "rangex/padding-oracle-app:2.1", (443,), SMALL),),
    ),
    ScenarioSpec(
        "jwt-misconfiguration",
        "JWT Misconfiguration: alg=none and Weak Secrets",
        "crypto",
        IM,
        "An API accepts JSON Web Tokens without checking them properly. Find out which "
        "mistakes it makes and mint a token that grants you the admin role.",
        ("jwt", "authentication", "api"),
        (MachineSpec("api", MachineRole.TARGET, "rangex/jwt-api:1.4", (8443,)),),
    ),
    ScenarioSpec(
        "leaky-bucket",
        "Leaky Bucket: Public Object Storage",
        "cloud",
        B,
        "A marketing team shared a storage bucket 'just for the campaign'. List it, find "
        "what should never have been uploaded and report the exposure.",
        ("object-storage", "misconfiguration", "data-exposure"),
        (MachineSpec("storage", MachineRole.TARGET, "rangex/minio-leaky:2024.3", (443, 9090)),),
    ),
    ScenarioSpec(
        "k8s-pod-to-cluster-admin",
        "Kubernetes: From Pod to Cluster Admin",
        "cloud",
        E,
        "You have a shell in one pod of a small cluster. Abuse an over-privileged service "
        "account and a permissive RBAC binding to take over the cluster.",
        ("kubernetes", "rbac", "privilege-escalation"),
        (MachineSpec("k3s", MachineRole.TARGET, "rangex/k3s-lab:1.29", (443, 8443), MEDIUM),),
        released=False,
    ),
    ScenarioSpec(
        "ci-iam-role",
        "Over-Privileged IAM Role in a CI Pipeline",
        "cloud",
        IM,
        "The build server's pipeline runs with a role that can do far more than build. "
        "Inject a step into a pipeline and use its credentials against the cloud API.",
        ("iam", "ci-cd", "secrets"),
        (
            MachineSpec("runner", MachineRole.TARGET, "rangex/ci-runner-lab:1.6", (8080,), SMALL),
            MachineSpec("iam", MachineRole.SERVICE, "rangex/fake-iam:1.0", (443,)),
        ),
    ),
    ScenarioSpec(
        "crackme-license",
        "CrackMe: Your First License Check",
        "reverse-engineering",
        B,
        "A small program asks for a license key. Open it in a disassembler, follow the "
        "check and write a key generator instead of patching the binary.",
        ("ghidra", "x86-64", "static-analysis"),
        (MachineSpec("crackme", MachineRole.TARGET, "rangex/crackme-server:1.0", (22,)),),
    ),
    ScenarioSpec(
        "upx-dropper",
        "Unpacking a UPX-Packed Dropper",
        "reverse-engineering",
        IM,
        "A dropper found on a phishing victim's laptop is packed. Unpack it safely in the "
        "sandbox, extract its configuration and the address of its second stage.",
        ("upx", "unpacking", "malware-analysis"),
        (
            MachineSpec(
                "sandbox", MachineRole.TARGET, "rangex/malware-sandbox:1.3", (22, 5900), SMALL
            ),
        ),
        visibility=Visibility.UNLISTED,
    ),
    ScenarioSpec(
        "stack-overflow-echo",
        "Exploiting a Stack Buffer Overflow",
        "reverse-engineering",
        E,
        "An echo service copies input into a fixed-size stack buffer. Find the offset, "
        "defeat the protections that are enabled and get a shell as the service user.",
        ("buffer-overflow", "gdb", "exploit-development"),
        (MachineSpec("echo", MachineRole.TARGET, "rangex/vuln-echo-server:1.2", (22, 9090)),),
    ),
    ScenarioSpec(
        "privesc-suid",
        "Linux Privilege Escalation: SUID Binaries",
        "privilege-escalation",
        B,
        "You have a low-privileged shell. Find the SUID binaries that should not be there "
        "and use one of them to read root's files.",
        ("suid", "linux", "gtfobins"),
        (MachineSpec("victim", MachineRole.TARGET, "rangex/privesc-suid:1.0", (22,)),),
    ),
    ScenarioSpec(
        "privesc-cron",
        "Cron Jobs and Writable Scripts",
        "privilege-escalation",
        IM,
        "A backup job runs every minute as root and calls a script anyone can edit. Turn "
        "it into root access without breaking the backups.",
        ("cron", "linux", "persistence"),
        (MachineSpec("backup", MachineRole.TARGET, "rangex/privesc-cron:1.1", (22,)),),
    ),
    ScenarioSpec(
        "restricted-shell-escape",
        "Escaping a Restricted Shell",
        "privilege-escalation",
        IM,
        "Support staff log into a jail with a restricted shell and a handful of tools. "
        "Break out of it and find the credentials it was meant to protect.",
        ("rbash", "linux", "sandbox-escape"),
        (MachineSpec("jail", MachineRole.TARGET, "rangex/rbash-jail:1.0", (22,)),),
        visibility=Visibility.PRIVATE,
    ),
    ScenarioSpec(
        "kerberoasting",
        "Kerberoasting a Service Account",
        "active-directory",
        A,
        "With one domain user's password, request service tickets for accounts with SPNs, "
        "crack the weak one offline and use it to reach the SQL server.",
        ("kerberos", "active-directory", "password-cracking"),
        (
            MachineSpec(
                "ws01", MachineRole.TARGET, "rangex/win-sim-workstation:2022", (5900,), SMALL
            ),
            MachineSpec(
                "dc01",
                MachineRole.INTERNAL,
                "rangex/samba-dc:4.19",
                (),
                SMALL,
                network_group="corp",
            ),
        ),
    ),
    ScenarioSpec(
        "password-spraying",
        "Password Spraying Against Webmail",
        "active-directory",
        IM,
        "The company webmail authenticates against the domain and has no lockout. Build "
        "a user list, spray one season-and-year password and read the mail you get into.",
        ("password-spraying", "active-directory", "osint"),
        (
            MachineSpec("webmail", MachineRole.TARGET, "rangex/owa-sim:2019", (443,), SMALL),
            MachineSpec(
                "dc01",
                MachineRole.INTERNAL,
                "rangex/samba-dc:4.19",
                (),
                SMALL,
                network_group="corp",
            ),
        ),
    ),
    ScenarioSpec(
        "bloodhound-domain-admin",
        "From Domain User to Domain Admin with BloodHound",
        "active-directory",
        E,
        "Collect the domain's relationships, let BloodHound find the shortest path to "
        "Domain Admins and walk it: ACL abuse, a reused local admin password and DCSync.",
        ("bloodhound", "active-directory", "acl-abuse"),
        (
            MachineSpec(
                "ws02", MachineRole.TARGET, "rangex/win-sim-workstation:2022", (5900,), SMALL
            ),
            MachineSpec(
                "dc01",
                MachineRole.INTERNAL,
                "rangex/samba-dc:4.19",
                (),
                SMALL,
                network_group="corp",
            ),
            MachineSpec(
                "files", MachineRole.INTERNAL, "rangex/samba-fs:4.19", (), network_group="corp"
            ),
        ),
        attacker=PARROT,
        released=False,
    ),
]

SC, MC, TF, SA, MA, OR = (
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.TRUE_FALSE,
    QuestionKind.SHORT_ANSWER,
    QuestionKind.MATCHING,
    QuestionKind.ORDERING,
)
TRUE_FALSE = ("True", "False")
# MATCHING: ``choices`` is the pool of right-hand items, ``expected`` the "left=right" pairs.
# ORDERING: ``choices`` the items as learners see them, ``expected`` the same in order.
QUESTIONS: dict[str, list[QuestionSpec]] = {
    "web": [
        QuestionSpec(
            SC,
            "Which input closes the string literal in a quoted SQL query?",
            ("'",),
            ("'", "#", "--", ";"),
        ),
        QuestionSpec(
            MC,
            "Which of these mitigate SQL injection?",
            ("Parameterized queries", "Stored procedures without dynamic SQL"),
            (
                "Parameterized queries",
                "Stored procedures without dynamic SQL",
                "Hiding error messages",
                "Client-side validation",
            ),
            20,
        ),
        QuestionSpec(
            SA,
            "Which HTTP response header stops the browser from sniffing the content type?",
            ("X-Content-Type-Options",),
        ),
        QuestionSpec(
            TF, "A CSRF token in a cookie alone protects against CSRF.", ("False",), TRUE_FALSE, 5
        ),
        QuestionSpec(
            MA,
            "Match each vulnerability to its OWASP Top 10 (2021) category: "
            "IDOR, SQL injection, SSRF",
            ("IDOR=A01", "SQL injection=A03", "SSRF=A10"),
            ("A01", "A03", "A10"),
            15,
        ),
    ],
    "network": [
        QuestionSpec(
            SA, "Which nmap flag enables service version detection?", ("-sV",), case_sensitive=True
        ),
        QuestionSpec(
            SC, "Which port does SSH listen on by default?", ("22",), ("21", "22", "23", "2222")
        ),
        QuestionSpec(
            MA,
            "Match each port to its service: 22, 443, 5900",
            ("22=SSH", "443=HTTPS", "5900=VNC"),
            ("HTTPS", "VNC", "SSH"),
            15,
        ),
        QuestionSpec(
            TF, "A TCP SYN scan completes the three-way handshake.", ("False",), TRUE_FALSE, 5
        ),
        QuestionSpec(
            OR,
            "Put the phases of a penetration test in order.",
            ("Reconnaissance", "Scanning", "Exploitation", "Reporting"),
            ("Exploitation", "Reporting", "Reconnaissance", "Scanning"),
            15,
        ),
        QuestionSpec(
            MC,
            "Which protocols send credentials in clear text?",
            ("Telnet", "FTP", "HTTP Basic over HTTP"),
            ("Telnet", "FTP", "SSH", "HTTP Basic over HTTP"),
            20,
        ),
    ],
    "forensics": [
        QuestionSpec(
            SA,
            "Which Volatility 3 plugin lists processes from the EPROCESS list?",
            ("windows.pslist", "pslist"),
        ),
        QuestionSpec(
            SC,
            "Which file records successful SSH logins on Debian?",
            ("/var/log/auth.log",),
            ("/var/log/auth.log", "/var/log/syslog", "/var/log/dpkg.log", "/var/log/kern.log"),
        ),
        QuestionSpec(
            TF, "Changing a file's mtime also changes its ctime.", ("True",), TRUE_FALSE, 5
        ),
        QuestionSpec(
            SA, "What are the first two bytes (hex) of a JPEG file?", ("FFD8", "FF D8", "0xFFD8")
        ),
        QuestionSpec(
            MC,
            "Which artefacts can show persistence on Linux?",
            ("crontab", "systemd unit files", "~/.bashrc"),
            ("crontab", "systemd unit files", "~/.bashrc", "/etc/hostname"),
            20,
        ),
    ],
    "crypto": [
        QuestionSpec(
            SC,
            "XOR-ing a ciphertext with its known plaintext yields...",
            ("the keystream",),
            ("the keystream", "the IV", "the MAC", "nothing useful"),
        ),
        QuestionSpec(
            TF, "CBC mode with a random IV provides integrity.", ("False",), TRUE_FALSE, 5
        ),
        QuestionSpec(SA, "Which JWT header value disables the signature?", ("none",)),
        QuestionSpec(
            SC,
            "What block size does AES use?",
            ("128 bits",),
            ("64 bits", "128 bits", "192 bits", "256 bits"),
        ),
        QuestionSpec(
            MA,
            "Match each primitive to its purpose: HMAC, AES-GCM, Argon2id",
            ("HMAC=integrity", "AES-GCM=authenticated encryption", "Argon2id=password hashing"),
            ("password hashing", "integrity", "authenticated encryption"),
            15,
        ),
    ],
    "cloud": [
        QuestionSpec(
            SA, "Which IP address serves instance metadata on most clouds?", ("169.254.169.254",)
        ),
        QuestionSpec(
            TF,
            "IMDSv2 requires a session token obtained with a PUT request.",
            ("True",),
            TRUE_FALSE,
            5,
        ),
        QuestionSpec(
            MC,
            "Which practices limit the damage of leaked CI credentials?",
            ("Short-lived credentials", "Least-privilege roles"),
            (
                "Short-lived credentials",
                "Least-privilege roles",
                "Longer passwords",
                "Public build logs",
            ),
            20,
        ),
        QuestionSpec(
            SC,
            "A Kubernetes ServiceAccount token is mounted by default at...",
            ("/var/run/secrets/kubernetes.io/serviceaccount",),
            (
                "/var/run/secrets/kubernetes.io/serviceaccount",
                "/etc/kubernetes",
                "/root/.kube",
                "/opt/k8s/token",
            ),
        ),
        QuestionSpec(
            SA, "Which Kubernetes verb lets a subject act as another user?", ("impersonate",)
        ),
    ],
    "reverse-engineering": [
        QuestionSpec(
            SC,
            "Which register holds a function's first integer argument on x86-64 System V?",
            ("rdi",),
            ("rax", "rdi", "rsi", "rcx"),
        ),
        QuestionSpec(SA, "Which command unpacks a UPX-packed binary?", ("upx -d",)),
        QuestionSpec(
            TF,
            "A stack canary prevents return-oriented programming entirely.",
            ("False",),
            TRUE_FALSE,
            5,
        ),
        QuestionSpec(
            MC,
            "Which protections make a stack overflow harder to exploit?",
            ("Stack canaries", "NX", "ASLR"),
            ("Stack canaries", "NX", "ASLR", "Static linking"),
            20,
        ),
        QuestionSpec(
            SA,
            "Which gdb command shows the current instruction and registers in a TUI layout?",
            ("layout regs", "layout asm"),
        ),
    ],
    "privilege-escalation": [
        QuestionSpec(
            SA,
            "Which find command lists SUID files?",
            ("find / -perm -4000", "find / -perm -u=s", "find / -perm /4000"),
        ),
        QuestionSpec(
            SC,
            "Which file lists the system-wide cron jobs?",
            ("/etc/crontab",),
            ("/etc/crontab", "/etc/cron.deny", "/var/log/cron", "/etc/passwd"),
        ),
        QuestionSpec(
            TF,
            "sudo -l shows the commands the current user may run with sudo.",
            ("True",),
            TRUE_FALSE,
            5,
        ),
        QuestionSpec(
            MC,
            "Which are common Linux privilege escalation vectors?",
            ("Writable scripts run by root", "Misconfigured sudo rules", "SUID binaries"),
            (
                "Writable scripts run by root",
                "Misconfigured sudo rules",
                "SUID binaries",
                "A long /etc/motd",
            ),
            20,
        ),
        QuestionSpec(
            SA,
            "Which environment variable does rbash forbid you to change?",
            ("PATH",),
            case_sensitive=True,
        ),
    ],
    "active-directory": [
        QuestionSpec(
            SC,
            "Kerberoasting requests which kind of ticket?",
            ("TGS",),
            ("TGT", "TGS", "PAC", "AS-REP"),
        ),
        QuestionSpec(SA, "Which hashcat mode cracks Kerberos 5 TGS-REP etype 23?", ("13100",)),
        QuestionSpec(
            TF,
            "Password spraying tries many passwords against one account.",
            ("False",),
            TRUE_FALSE,
            5,
        ),
        QuestionSpec(
            MA,
            "Match each port to its AD service: 88, 389, 445",
            ("88=Kerberos", "389=LDAP", "445=SMB"),
            ("SMB", "Kerberos", "LDAP"),
            15,
        ),
        QuestionSpec(
            SA,
            "Which right lets an account replicate secrets with DCSync?",
            ("DS-Replication-Get-Changes-All", "Replicating Directory Changes All"),
        ),
    ],
}
GENERAL_QUESTIONS = [
    QuestionSpec(
        TF,
        "You may scan hosts outside the lab's network if they look vulnerable.",
        ("False",),
        TRUE_FALSE,
        5,
    ),
    QuestionSpec(
        SC,
        "What should you do first in an authorized engagement?",
        ("Confirm the scope in writing",),
        (
            "Confirm the scope in writing",
            "Run a full port scan",
            "Disable logging",
            "Install persistence",
        ),
    ),
    QuestionSpec(
        SA,
        "Which document describes what a tester may and may not touch?",
        ("rules of engagement", "scope", "statement of work"),
    ),
]
FLAG_PROMPTS = [
    "Submit the flag you found on the target.",
    "What is the flag stored in the protected file?",
    "Enter the flag that proves you completed the objective.",
]

CHANGELOGS = [
    "Fixed a race in the target's startup script.",
    "Rewrote the mission text and added hints.",
    "Upgraded the target image; new question on mitigation.",
    "Reduced the time limit after play-testing.",
    "Added a second target and an internal network.",
]
REJECTION_REASONS = [
    "The flag is readable without exploiting anything: /var/www/flag.txt is world-readable.",
    "The solution write-up is missing steps 3 and 4; reviewers could not reproduce it.",
    "The attacker image has internet egress; session-only egress is required here.",
]
FAILURE_REASONS = [
    "image pull failed: rangex/win-sim-workstation:2022 (registry timeout)",
    "machine dc01 failed its healthcheck 3 times",
]

LIVE_EVENT = (
    "campus-ctf-finals",
    "RangeX Campus CTF Finals",
    "Twenty-four hours, four teams, five scenarios from web to Active Directory. "
    "Dynamic scoring with bloods; the public board froze half an hour ago, so the final "
    "hours are a surprise.",
)
SCHEDULED_EVENT = (
    "cloud-security-week",
    "Cloud Security Challenge Week",
    "An individual challenge on cloud and container security. Registration needs "
    "approval; approved participants get access when the event starts.",
)
TEAMS = [
    ("Null Pointers", "We dereference everything, eventually."),
    ("Packet Pirates", "Arr. We capture the flag and the packets."),
    ("Root Cause", "Incident responders who like to break things first."),
    ("Kernel Panic", "Three students, one shared tmux session."),
]

# --- version content -------------------------------------------------------------------

MISSION = """## Your mission

{description}

## Getting in

Connect to the attacker machine from the session's connection panel; the targets are
reachable from it only. Answer the questions as you go: the last one takes the flag.
"""
SOLUTION = """## Walk-through (authors and reviewers only)

1. Enumerate the target from the attacker machine.
2. {objective}
3. Read the flag from the target and submit it.
"""
LEARNING_OUTCOMES = [
    "Enumerate a target before attacking it",
    "Explain the weakness exploited and how to fix it",
    "Document findings the way a report would",
]
CODE_OF_ETHICS = (
    "Attack only the machines of your own session. Do not share flags or write-ups while "
    "the scenario is live, and never use these techniques against systems you are not "
    "authorised to test."
)
# (title, body, condition, threshold, penalty): one hint of the whole version, one of its
# flag question.
VERSION_HINT = (
    "Where to start",
    "List the target's open ports from the attacker machine, then look at each service's "
    "banner and version.",
    "AFTER_MINUTES",
    15,
    5,
)
FLAG_HINT = (
    "Where the flag lives",
    "The flag is in a file only the service account can read: look for a way to run a "
    "command as that account.",
    "AFTER_WRONG_ATTEMPTS",
    3,
    10,
)
