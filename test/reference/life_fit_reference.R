# Reference maximum-likelihood fits for test/fit/fitLifeData.test.ts.
#
# Run: Rscript test/reference/life_fit_reference.R > /tmp/life_fit_reference.ts
# Needs R with the survival and fitdistrplus packages (Debian: r-base-core r-cran-survival
# r-cran-fitdistrplus). Prints, for each data set of test/fit/data and each family, the ML
# estimates, the log-likelihood (density on the time scale) and the Fisher-matrix 95 % bounds
# (inverse observed information; log scale for positive parameters), as a TypeScript object.
#
# Independent of relkit's code: the location-scale families are fitted by survival::survreg
# (Newton-Raphson on analytic derivatives, its own information matrix); the gamma by optim on
# R's dgamma/pgamma, polished by Newton steps, checked against fitdistrplus::fitdistcens; the
# log-likelihood is recomputed from R's d/p functions at the estimates and compared with
# survreg's own; the 3-parameter location by optimize() over survreg profile fits; the Hessians
# that survreg does not give (gamma, 3P) by Richardson-extrapolated central differences.

suppressMessages({
  library(survival)
  library(fitdistrplus)
})

here <- function() {
  args <- commandArgs(trailingOnly = FALSE)
  file <- sub("^--file=", "", args[grep("^--file=", args)])
  dirname(normalizePath(file))
}
DATA <- if (exists("DATA_DIR")) DATA_DIR else file.path(here(), "..", "fit", "data")

read_life <- function(name) {
  d <- read.csv(file.path(DATA, name), comment.char = "#", strip.white = TRUE,
    colClasses = c(status = "character"))
  if (is.null(d$time_hi)) d$time_hi <- NA
  if (is.null(d$count)) d$count <- 1
  kind <- ifelse(d$status == "S", "suspension",
    ifelse(is.na(d$time_hi) | d$time_hi == d$time, "failure", "interval"))
  hi <- ifelse(kind == "interval", d$time_hi, d$time)
  data.frame(kind = kind, time = d$time, hi = hi, count = d$count)
}

# ---- families: log density, cdf and log survival at age x > 0 (p: natural parameters) ----
sev_cdf <- function(z) -expm1(-exp(z))
fam <- list(
  exponential = list(
    logpdf = function(x, p) dexp(x, p[1], log = TRUE),
    cdf = function(x, p) pexp(x, p[1]),
    logsf = function(x, p) pexp(x, p[1], lower.tail = FALSE, log.p = TRUE),
    positive = TRUE, names = "rate", survreg = "exponential"
  ),
  weibull = list(
    logpdf = function(x, p) dweibull(x, p[1], p[2], log = TRUE),
    cdf = function(x, p) pweibull(x, p[1], p[2]),
    logsf = function(x, p) pweibull(x, p[1], p[2], lower.tail = FALSE, log.p = TRUE),
    positive = c(TRUE, TRUE), names = c("shape", "scale"), survreg = "weibull"
  ),
  lognormal = list(
    logpdf = function(x, p) dlnorm(x, p[1], p[2], log = TRUE),
    cdf = function(x, p) plnorm(x, p[1], p[2]),
    logsf = function(x, p) plnorm(x, p[1], p[2], lower.tail = FALSE, log.p = TRUE),
    positive = c(FALSE, TRUE), names = c("mu", "sigma"), survreg = "lognormal"
  ),
  gamma = list(
    logpdf = function(x, p) dgamma(x, shape = p[1], scale = p[2], log = TRUE),
    cdf = function(x, p) pgamma(x, shape = p[1], scale = p[2]),
    logsf = function(x, p) pgamma(x, shape = p[1], scale = p[2], lower.tail = FALSE, log.p = TRUE),
    positive = c(TRUE, TRUE), names = c("shape", "scale"), survreg = NA
  ),
  loglogistic = list(
    logpdf = function(x, p) dlogis(log(x), log(p[2]), 1 / p[1], log = TRUE) - log(x),
    cdf = function(x, p) plogis(log(x), log(p[2]), 1 / p[1]),
    logsf = function(x, p) plogis(log(x), log(p[2]), 1 / p[1], lower.tail = FALSE, log.p = TRUE),
    positive = c(TRUE, TRUE), names = c("shape", "scale"), survreg = "loglogistic"
  ),
  normal = list(
    logpdf = function(x, p) dnorm(x, p[1], p[2], log = TRUE),
    cdf = function(x, p) pnorm(x, p[1], p[2]),
    logsf = function(x, p) pnorm(x, p[1], p[2], lower.tail = FALSE, log.p = TRUE),
    positive = c(FALSE, TRUE), names = c("mean", "sd"), survreg = "gaussian"
  ),
  gumbel = list(
    logpdf = function(x, p) { z <- (x - p[1]) / p[2]; z - exp(z) - log(p[2]) },
    cdf = function(x, p) sev_cdf((x - p[1]) / p[2]),
    logsf = function(x, p) -exp((x - p[1]) / p[2]),
    positive = c(FALSE, TRUE), names = c("mu", "sigma"), survreg = "extreme"
  )
)
fam[["exponential-2p"]] <- fam$exponential
fam[["weibull-3p"]] <- fam$weibull
whole_line <- function(name) name %in% c("normal", "gumbel")

# ---- the log-likelihood from R's d/p functions ----
loglik <- function(name, p, g, d) {
  f <- fam[[name]]
  total <- 0
  for (i in seq_len(nrow(d))) {
    x <- d$time[i] - g
    xh <- d$hi[i] - g
    pos <- !whole_line(name)
    term <- switch(d$kind[i],
      failure = if (pos && x < 0) -Inf else f$logpdf(x, p),
      suspension = if (pos && x <= 0) 0 else f$logsf(x, p),
      interval = if (d$time[i] == 0 || (pos && x <= 0)) log(f$cdf(xh, p)) else log(f$cdf(xh, p) - f$cdf(x, p))
    )
    total <- total + d$count[i] * term
  }
  total
}

# ---- survreg with the location held at g ----
surv_of <- function(d, g, whole) {
  keep <- !(d$kind == "suspension" & d$time - g <= 0 & !whole)
  d <- d[keep, ]
  lo <- ifelse(d$kind == "interval" & (d$time == 0 | (!whole & d$time - g <= 0)), NA, d$time - g)
  hi <- ifelse(d$kind == "suspension", NA, d$hi - g)
  list(y = Surv(lo, hi, type = "interval2"), w = d$count)
}

fit_survreg <- function(name, d, g = 0) {
  f <- fam[[name]]
  s <- surv_of(d, g, whole_line(name))
  y <- s$y
  w <- s$w
  m <- survreg(y ~ 1, weights = w, dist = f$survreg,
    control = survreg.control(rel.tolerance = 1e-14, toler.chol = 1e-15, maxiter = 500))
  a <- unname(coef(m)[1])
  b <- m$scale
  v <- m$var # over (Intercept, Log(scale)): a and ln b
  p <- switch(name,
    exponential = , "exponential-2p" = exp(-a),
    weibull = , "weibull-3p" = , loglogistic = c(1 / b, exp(a)),
    c(a, b))
  # Standard errors of (ln p) for positive parameters, of p for real ones.
  se <- switch(name,
    exponential = , "exponential-2p" = sqrt(v[1, 1]),
    weibull = , "weibull-3p" = , loglogistic = c(sqrt(v[2, 2]), sqrt(v[1, 1])),
    c(sqrt(v[1, 1]), sqrt(v[2, 2])))
  list(p = p, se = se, survregLoglik = m$loglik[2], model = m)
}

# B10 from predict(type = "uquantile", se.fit = TRUE) (the quantile of ln t, or of t for the
# gaussian and extreme families) and R(t) with bounds on logit R by the delta method, with the
# analytic gradient in (a, ln b): d logit R / dz = -f/(S F), z = (y - a)/b.
derived_survreg <- function(name, r, t) {
  m <- r$model
  q <- predict(m, newdata = data.frame(x = 1), type = "uquantile", p = 0.1, se.fit = TRUE)
  z95 <- qnorm(0.975)
  log_time <- !whole_line(name)
  back <- if (log_time) exp else identity
  b10 <- c(back(q$fit[1]), back(q$fit[1] - z95 * q$se.fit[1]), back(q$fit[1] + z95 * q$se.fit[1]))
  a <- unname(coef(m)[1]); b <- m$scale
  z <- ((if (log_time) log(t) else t) - a) / b
  std <- switch(m$dist,
    weibull = , exponential = , extreme = c(f = exp(z - exp(z)), S = exp(-exp(z))),
    lognormal = , gaussian = c(f = dnorm(z), S = pnorm(z, lower.tail = FALSE)),
    loglogistic = c(f = exp(z) / (1 + exp(z))^2, S = 1 / (1 + exp(z))))
  S <- unname(std["S"]); f <- unname(std["f"])
  slope <- f / (S * (1 - S))
  grad <- if (name == "exponential") slope / b else slope * c(1 / b, z)
  v <- as.matrix(m$var)
  se <- sqrt(drop(t(grad) %*% v %*% grad))
  logit <- log(S) - log(1 - S)
  rel <- c(S, plogis(logit - z95 * se), plogis(logit + z95 * se))
  list(b10 = b10, reliability = rel)
}

# ---- Richardson-extrapolated central differences (for the Hessians survreg does not give) ----
# h: one step per coordinate (a scalar for all).
hessian_richardson <- function(fn, x, h = 1e-2) {
  n <- length(x)
  h <- rep_len(h, n)
  one <- function(h) {
    H <- matrix(0, n, n)
    for (i in 1:n) for (j in 1:i) {
      e <- function(k, s) { v <- rep(0, n); v[k] <- s[k]; v }
      H[i, j] <- (fn(x + e(i, h) + e(j, h)) - fn(x + e(i, h) - e(j, h)) -
        fn(x - e(i, h) + e(j, h)) + fn(x - e(i, h) - e(j, h))) / (4 * h[i] * h[j])
      H[j, i] <- H[i, j]
    }
    H
  }
  H1 <- one(h); H2 <- one(h / 2); H3 <- one(h / 4)
  R1 <- (4 * H2 - H1) / 3; R2 <- (4 * H3 - H2) / 3
  (16 * R2 - R1) / 15
}
gradient_richardson <- function(fn, x, h = 1e-2) {
  h <- rep_len(h, length(x))
  sapply(seq_along(x), function(i) {
    e <- rep(0, length(x)); e[i] <- 1
    g <- function(h) (fn(x + h[i] * e) - fn(x - h[i] * e)) / (2 * h[i])
    r1 <- (4 * g(h / 2) - g(h)) / 3; r2 <- (4 * g(h / 4) - g(h / 2)) / 3
    (16 * r2 - r1) / 15
  })
}

# The gamma: optim on (ln shape, ln scale), then Newton steps on Richardson derivatives.
fit_gamma <- function(d) {
  fn <- function(t) loglik("gamma", exp(t), 0, d)
  x <- rep(d$time, d$count)
  x[x == 0] <- rep(d$hi, d$count)[x == 0] / 2
  m <- mean(x); v <- var(x)
  start <- log(c(m * m / v, v / m))
  o <- optim(start, function(t) -fn(t), method = "BFGS", control = list(reltol = 1e-15, maxit = 1000))
  t <- o$par
  for (k in 1:8) t <- t - solve(hessian_richardson(fn, t), gradient_richardson(fn, t))
  H <- hessian_richardson(fn, t)
  cov <- solve(-H)
  list(p = exp(t), se = sqrt(diag(cov)), gradient = gradient_richardson(fn, t))
}

# The 3P Weibull and the 2P exponential: location by optimize() over survreg profile fits, then the
# full Hessian in (ln shape, ln scale, location) or (ln rate, location) by Richardson.
fit_location <- function(name, d) {
  first <- min(d$hi[d$kind != "suspension"])
  # The exponential's rate given the location: a one-dimensional optimize() on ln rate (survreg
  # refuses the age 0 of a failure at the location).
  rate_at <- function(g) {
    x <- pmax(ifelse(d$kind == "interval", (d$time + d$hi) / 2, d$time) - g, 0)
    start <- log(sum(d$count[d$kind != "suspension"]) / sum(d$count * x))
    o <- optimize(function(l) loglik(name, exp(l), g, d), start + c(-5, 5), maximum = TRUE, tol = 1e-14)
    exp(o$maximum)
  }
  params_at <- function(g) if (name == "exponential-2p") rate_at(g) else fit_survreg(name, d, g)$p
  profile <- function(g) loglik(name, params_at(g), g, d)
  upper <- if (name == "exponential-2p") first else first * (1 - 1e-9)
  o <- optimize(profile, c(0, upper), maximum = TRUE, tol = 1e-12)
  g <- o$maximum
  at_upper <- name == "exponential-2p" && profile(first) >= o$objective
  if (at_upper) g <- first
  p <- params_at(g)
  if (at_upper) {
    fn <- function(t) loglik(name, exp(t), g, d)
    return(list(p = p, se = sqrt(-1 / hessian_richardson(fn, log(p), h = 1e-3)[1, 1]), location = g, location_se = NA))
  }
  fn <- function(t) loglik(name, exp(t[-length(t)]), t[length(t)], d)
  x <- c(log(p), g)
  # Steps of a hundredth of each standard error (from a first pass), so that every coordinate's
  # differences stand well above the rounding of the log-likelihood.
  first_pass <- sqrt(diag(solve(-hessian_richardson(fn, x, h = 1e-3 * pmax(1, abs(x))))))
  h <- first_pass / 100
  # Newton steps on all parameters at once: the gradient pins the flat location down far better
  # than optimize() on the profile's values.
  for (k in 1:6) x <- x - solve(hessian_richardson(fn, x, h), gradient_richardson(fn, x, h))
  p <- exp(x[-length(x)])
  g <- x[length(x)]
  H <- hessian_richardson(fn, x, h = h)
  cov <- solve(-H)
  se <- sqrt(diag(cov))
  list(p = p, se = se[-length(se)], location = g, location_se = se[length(se)])
}

# ---- likelihood-ratio bounds: uniroot on the profile, the other parameter by optimize() ----
# Working scale: ln p for positive parameters, p for real ones.
lr_bounds <- function(name, p, se, ll, d) {
  f <- fam[[name]]
  to_p <- function(u, j) if (f$positive[j]) exp(u) else u
  to_u <- function(v, j) if (f$positive[j]) log(v) else v
  target <- ll - qchisq(0.95, 1) / 2
  sapply(seq_along(p), function(j) {
    profile <- function(u) {
      if (length(p) == 1) return(loglik(name, to_p(u, 1), 0, d))
      k <- 3 - j
      uk <- to_u(p[k], k)
      width <- if (f$positive[k]) 5 else 20 * p[2]
      o <- optimize(function(x) {
        q <- p; q[j] <- to_p(u, j); q[k] <- to_p(x, k)
        loglik(name, q, 0, d)
      }, uk + c(-width, width), maximum = TRUE, tol = 1e-12)
      o$objective
    }
    u0 <- to_u(p[j], j)
    side <- function(dir) {
      step <- 2 * se[j]
      while (profile(u0 + dir * step) > target) step <- 2 * step
      uniroot(function(u) profile(u) - target, sort(c(u0, u0 + dir * step)), tol = 1e-13)$root
    }
    c(to_p(side(-1), j), to_p(side(1), j))
  })
}

# ---- printing ----
num <- function(x) if (!is.finite(x)) "null" else sprintf("%.15g", x)
ci <- function(p, se, positive) {
  z <- qnorm(0.975)
  if (is.na(se)) return("null")
  if (positive) sprintf("[%s, %s]", num(p * exp(-z * se)), num(p * exp(z * se)))
  else sprintf("[%s, %s]", num(p - z * se), num(p + z * se))
}
ad_complete <- function(name, p, g, d) {
  x <- sort(rep(d$time, d$count)) - g
  n <- length(x)
  u <- fam[[name]]$cdf(x, p)
  -n - sum((2 * seq_len(n) - 1) * (log(u) + log(1 - rev(u)))) / n
}

cat("// Generated by test/reference/life_fit_reference.R with", R.version.string, ",\n")
cat("// survival", as.character(packageVersion("survival")), ", fitdistrplus",
  as.character(packageVersion("fitdistrplus")), ",", format(Sys.Date()), ".\n")
cat("export const LIFE_FIT_REFERENCE = {\n")
# The time of each data set at which R(t) is checked.
AT <- list(bearings = 50, "shock-absorbers" = 15000, salinity = 30, inspection = 3000)
sets <- c(bearings = "bearings.csv", "shock-absorbers" = "shock-absorbers.csv",
  salinity = "salinity.csv", inspection = "inspection.csv")
for (set in names(sets)) {
  d <- read_life(sets[[set]])
  complete <- all(d$kind == "failure")
  cat(sprintf("  '%s': {\n", set))
  for (name in names(fam)) {
    f <- fam[[name]]
    g <- 0
    extra <- ""
    if (name == "gamma") {
      r <- fit_gamma(d)
      check <- if (any(d$kind != "failure")) {
        lo <- ifelse(d$kind == "suspension", d$time, ifelse(d$kind == "interval" & d$time == 0, NA, d$time))
        hi <- ifelse(d$kind == "suspension", NA, d$hi)
        # fitdistcens works on times divided by their median c (its optimiser fails at rates near
        # 1e-4); ln L of the original times is that minus ln c per exact failure.
        c <- median(d$hi)
        cd <- data.frame(left = rep(lo, d$count) / c, right = rep(hi, d$count) / c)
        fitdistcens(cd, "gamma", start = list(shape = r$p[1], rate = c / r$p[2]),
          control = list(reltol = 1e-14, maxit = 2000))$loglik -
          sum(d$count[d$kind == "failure"]) * log(c)
      } else {
        fitdist(rep(d$time, d$count), "gamma", start = list(shape = r$p[1], rate = 1 / r$p[2]),
          control = list(reltol = 1e-14, maxit = 2000))$loglik
      }
      extra <- sprintf(" fitdistrplusLoglik: %s,", num(check))
    } else if (name %in% c("weibull-3p", "exponential-2p")) {
      r <- fit_location(name, d)
      g <- r$location
    } else {
      r <- fit_survreg(name, d)
      extra <- sprintf(" survregLoglik: %s,", num(r$survregLoglik))
      dv <- derived_survreg(name, r, AT[[set]])
      extra <- paste0(extra, sprintf(" b10: { value: %s, ci95: [%s, %s] }, reliability: { t: %s, value: %s, ci95: [%s, %s] },",
        num(dv$b10[1]), num(dv$b10[2]), num(dv$b10[3]), num(AT[[set]]),
        num(dv$reliability[1]), num(dv$reliability[2]), num(dv$reliability[3])))
    }
    ll <- loglik(name, r$p, g, d)
    pars <- paste(sprintf("%s: %s", f$names, sapply(r$p, num)), collapse = ", ")
    cis <- paste(sprintf("%s: %s", f$names, mapply(ci, r$p, r$se, f$positive)), collapse = ", ")
    if (name %in% c("weibull-3p", "exponential-2p")) {
      pars <- paste0(pars, sprintf(", location: %s", num(g)))
      cis <- paste0(cis, sprintf(", location: %s", ci(g, r$location_se, FALSE)))
    }
    ad <- if (complete) sprintf(" ad: %s,", num(ad_complete(name, r$p, g, d))) else ""
    if (!(name %in% c("weibull-3p", "exponential-2p"))) {
      b <- matrix(lr_bounds(name, r$p, r$se, ll, d), nrow = 2)
      lrs <- paste(sprintf("%s: [%s, %s]", f$names, sapply(b[1, ], num), sapply(b[2, ], num)), collapse = ", ")
      ad <- paste0(ad, sprintf(" lr95: { %s },", lrs))
    }
    cat(sprintf("    '%s': {\n      parameters: { %s },\n      ci95: { %s },\n      logLikelihood: %s,%s%s\n    },\n",
      name, pars, cis, num(ll), ad, extra))
  }
  cat("  },\n")
}
cat("} as const;\n")
